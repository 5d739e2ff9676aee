#!/usr/bin/env python3
"""Writes the BEIR layout (corpus.jsonl, queries.jsonl, qrels.tsv) of the TREC CDS topics.

CI fetches topics2014.xml and topics2015A.xml (PMC-Patients, folder case_study/) into
../shared/data/trec-cds and runs this to lay out beir/ exactly as developers have it:
descriptions are the corpus, summaries the queries, each summary's one right answer its
description; runs of white space are folded to one space. Standard library only.
Usage: trec-cds-beir.py DIR   (DIR holds the two XML files; beir/ is written inside it)
"""
import json
import os
import sys
import xml.etree.ElementTree as ET

YEARS = (("2014", "topics2014.xml"), ("2015", "topics2015A.xml"))


def topics(path):
    for topic in ET.parse(path).getroot().iter("topic"):
        yield (topic.get("number"), topic.get("type"),
               " ".join(topic.findtext("description").split()), " ".join(topic.findtext("summary").split()))


def main(folder):
    out = os.path.join(folder, "beir")
    os.makedirs(out, exist_ok=True)
    corpus, queries, qrels = [], [], ["query-id\tcorpus-id\tscore"]
    for year, name in YEARS:
        for number, kind, description, summary in topics(os.path.join(folder, name)):
            doc, query = f"trec{year}-{number}-d", f"trec{year}-{number}-s"
            corpus.append(json.dumps({"_id": doc, "title": f"TREC CDS {year} topic {number} ({kind})",
                                      "text": description}))
            queries.append(json.dumps({"_id": query, "text": summary}))
            qrels.append(f"{query}\t{doc}\t1")
    for name, lines in (("corpus.jsonl", corpus), ("queries.jsonl", queries), ("qrels.tsv", qrels)):
        with open(os.path.join(out, name), "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main(sys.argv[1])
