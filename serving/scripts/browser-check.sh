#!/usr/bin/env bash
# Loads the page in headless chromium (via chromedriver), submits a query against a small real
# index, checks the report and cases, and saves the screenshot to docs/images/serving.png.
# Needs: apt-get install -y chromium chromium-driver
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
mvn -B -ntp -q -pl serving -am -Dpi.build.dir="${PI_BUILD_DIR:-target-serving}" test \
  -Dtest=PageBrowserTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dpi.screenshot.out="$root/docs/images/serving.png"
echo "screenshot: $root/docs/images/serving.png"
