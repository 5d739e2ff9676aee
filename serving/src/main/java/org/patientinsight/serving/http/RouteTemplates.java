package org.patientinsight.serving.http;

import java.util.List;
import java.util.regex.Pattern;

/** Maps a request path to its route template, so metrics labels stay few (no ids in them). */
final class RouteTemplates {
  private record Route(String template, Pattern pattern) {}

  private static final List<Route> ROUTES = List.of(
      r("/", "/"),
      r("/static/{file}", "/static/[^/]+"),
      r("/health/live", "/health/live"),
      r("/health/ready", "/health/ready"),
      r("/metrics", "/metrics"),
      r("/api/v1/search", "/api/v1/search"),
      r("/api/v1/analyses", "/api/v1/analyses"),
      r("/api/v1/analyses/{id}", "/api/v1/analyses/[^/]+"),
      r("/api/v1/analyses/{id}/questions", "/api/v1/analyses/[^/]+/questions"));

  private RouteTemplates() {}

  private static Route r(String template, String regex) {
    return new Route(template, Pattern.compile(regex));
  }

  static String of(String path) {
    for (Route r : ROUTES) {
      if (r.pattern.matcher(path).matches()) {
        return r.template;
      }
    }
    return "unmatched";
  }
}
