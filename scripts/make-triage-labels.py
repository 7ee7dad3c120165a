#!/usr/bin/env python3
"""Builds bench/labels/: a self-contained labelled set for `vigil bench triage`.

Copies a few packages of the team's corpus (vigil-java/src/test/corpus), strips the
`// vigil: expect RULE` / `// vigil: safe RULE` annotations (a model shown them would read the
answer), scans the copy with ./vigil, and labels:
  * true positive  - a Vigil finding on a line the corpus marks `expect`;
  * false positive - a Vigil finding on any other line (a real Vigil false alarm), or a candidate
    finding written here for a line the corpus marks `safe` (a look-alike a less precise scanner
    reports: constant, validated or escaped input reaching the same sink).
Re-run after changing the selection: python3 scripts/make-triage-labels.py
"""
import json
import pathlib
import re
import shutil
import subprocess

ROOT = pathlib.Path(__file__).resolve().parent.parent
CORPUS = ROOT / "vigil-java/src/test/corpus"
OUT = ROOT / "bench/labels"
PACKAGES = ["taint/sqli/servlet", "taint/sqli/spring", "taint/pathtrav/filemanager", "taint/pathtrav/library",
            "taint/cmdi/tools", "taint/xss/spring", "taint/precision/config", "taint/regex/spring"]
MAX_PER_LABEL = 15
ANNOTATION = re.compile(r"\s*// vigil: (expect|safe) (\S+).*$")

annotations = {}  # (file, line, rule) -> "expect" | "safe"
lines_of = {}
shutil.rmtree(OUT / "corpus", ignore_errors=True)
for package in PACKAGES:
    for src in sorted((CORPUS / package).glob("*.java")):
        rel = src.relative_to(CORPUS).as_posix()
        out_lines = []
        for n, line in enumerate(src.read_text(encoding="utf-8").split("\n"), start=1):
            m = ANNOTATION.search(line)
            if m:
                annotations[(rel, n, m.group(2))] = m.group(1)
                line = line[:m.start()]
            out_lines.append(line)
        dest = OUT / "corpus" / rel
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_text("\n".join(out_lines), encoding="utf-8")
        lines_of[rel] = out_lines

sarif_path = OUT / "findings.sarif"
subprocess.run([str(ROOT / "vigil"), "scan", str(OUT / "corpus"), "--format", "sarif", "-o", str(sarif_path)],
               check=False)
log = json.loads(sarif_path.read_text(encoding="utf-8"))
run = log["runs"][0]
# absolute paths of the machine that built it; the labels file names the root
run.pop("originalUriBaseIds", None)
run.get("properties", {})["roots"] = ["corpus"]
rules = [r["id"] for r in run["tool"]["driver"].get("rules", [])]
rule_names = {r["id"]: r.get("shortDescription", {}).get("text", r["id"]) for r in run["tool"]["driver"].get("rules", [])}

tps, fps = [], []
for result in run["results"]:
    region = result["locations"][0]["physicalLocation"]["region"]
    uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    key = (uri, region["startLine"], result["ruleId"])
    if annotations.get(key) == "expect":
        tps.append((key, "the corpus marks this line as a real " + result["ruleId"], result))
    else:
        fps.append((key, "Vigil reports it, but the corpus does not expect a finding here (a Vigil false alarm)", result))

for (uri, line, rule), kind in sorted(annotations.items()):
    if kind != "safe" or any(k == (uri, line, rule) for k, _, _ in fps):
        continue
    text = lines_of[uri][line - 1]
    col = len(text) - len(text.lstrip()) + 1
    result = {"ruleId": rule, "level": "error",
              "message": {"text": "Possible " + rule_names.get(rule, rule).rstrip(".").lower()
                          + ": data that may come from a request reaches this call."},
              "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri, "uriBaseId": "%SRCROOT%"},
                                                  "region": {"startLine": line, "startColumn": col,
                                                             "endLine": line, "endColumn": len(text) + 1,
                                                             "snippet": {"text": text.strip()}}}}]}
    if rule in rules:
        result["ruleIndex"] = rules.index(rule)
    fps.append(((uri, line, rule), "a safe look-alike: the corpus marks this line safe for " + rule, result))

def spread(items, limit):
    """At most `limit` items, taken round-robin over files so no single file dominates."""
    by_file = {}
    for item in items:
        by_file.setdefault(item[0][0], []).append(item)
    chosen = []
    while len(chosen) < limit and any(by_file.values()):
        for queue in by_file.values():
            if queue and len(chosen) < limit:
                chosen.append(queue.pop(0))
    return chosen

tps = spread(tps, MAX_PER_LABEL)
fps = spread(fps, MAX_PER_LABEL)
run["results"] = [r for _, _, r in tps + fps]
sarif_path.write_text(json.dumps(log, indent=2) + "\n", encoding="utf-8")

findings = []
for label, items in (("true-positive", tps), ("false-positive", fps)):
    for (uri, line, rule), note, _ in items:
        short = rule.split("/")[-1]
        findings.append({"id": f"{short}-{pathlib.PurePosixPath(uri).stem}-{line}", "ruleId": rule, "file": uri,
                         "line": line, "label": label, "note": note})
labels = {"version": 1, "project": "corpus", "sarif": "findings.sarif", "findings": findings}
(OUT / "labels.json").write_text(json.dumps(labels, indent=2) + "\n", encoding="utf-8")
print(f"{len(tps)} true positives, {len(fps)} false positives -> {OUT / 'labels.json'}")
