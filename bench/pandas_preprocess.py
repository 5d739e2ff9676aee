#!/usr/bin/env python3
"""The seed system's preprocessing, restated as the benchmark's anchor (single-threaded pandas).

Reads a PMC-Patients-layout CSV, keeps eight columns, replaces every non-alphanumeric character
of the note with a space, turns the age literal (e.g. "[[45.0, 'year'], [6.0, 'month']]") into
years from its first part, maps the sex M/F to 1/0, and writes a CSV. A malformed age becomes
empty instead of stopping the run (the seed's eval was unguarded).
Usage: pandas_preprocess.py INPUT.csv OUTPUT.csv
"""
import ast
import sys

import pandas as pd

KEEP = ["patient_uid", "PMID", "title", "patient", "age", "gender",
        "relevant_articles", "similar_patients"]
YEARS_PER = {"year": 1.0, "month": 1 / 12, "week": 1 / 52, "day": 1 / 365, "hour": 1 / 8760}


def age_years(literal):
    try:
        parts = ast.literal_eval(literal)
        amount, unit = parts[0]
        return float(amount) * YEARS_PER[unit]
    except Exception:  # malformed or missing: no age, never a crash
        return None


def main(src, dst):
    df = pd.read_csv(src, usecols=KEEP, dtype=str, keep_default_na=False)
    df["patient"] = df["patient"].str.replace(r"[^A-Za-z0-9]", " ", regex=True)
    df["age"] = df["age"].map(age_years)
    df["gender"] = df["gender"].map({"M": 1, "F": 0})
    df.to_csv(dst, index=False)
    print(f"pandas: {len(df)} rows written to {dst}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
