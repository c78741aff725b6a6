"""Checks, in Python, that every span of every Tracemark export format selects its own text.

Usage: python3 check_offsets.py <dir>   (the files written by python-offsets.test.ts)

Python counts code points, so this is the reader the offsets must agree with: formats in code
points are sliced directly, formats in UTF-16 code units through a UTF-16 encoding. Parquet is
read with pyarrow when it is installed; otherwise that one is skipped with a message.
Prints one line per format; exits 1 on the first mismatch.
"""
import json
import os
import sys
import zipfile


def u16(text, start, end):
    data = text.encode("utf-16-le", "surrogatepass")
    return data[2 * start:2 * end].decode("utf-16-le", "surrogatepass")


def same(fmt, where, found, want):
    if found != want:
        print(f"{fmt}: {where}: offsets select {found!r}, not {want!r}")
        sys.exit(1)


def jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f.read().split("\n") if line.strip()]


def tracemark(d):
    n = 0
    for i, line in enumerate(jsonl(os.path.join(d, "tracemark.jsonl"))):
        for s in line["spans"]:
            text = line[s["field"]]
            same("tracemark", f"line {i + 1}", text[s["start_cp"]:s["end_cp"]], s["text"])
            same("tracemark", f"line {i + 1} (utf16)", u16(text, s["start"], s["end"]), s["text"])
            n += 1
    return n


def doccano(d, name):
    n = 0
    for i, line in enumerate(jsonl(os.path.join(d, name))):
        if "label" in line:
            ranges = [(a, b) for a, b, _ in line["label"]]
        else:
            ranges = [(e["start_offset"], e["end_offset"]) for e in line["entities"]]
        for (a, b), meta in zip(ranges, line["spans"]):
            same(name, f"line {i + 1}", u16(line["text"], a, b), meta["text"])
            n += 1
    return n


def label_studio(d):
    n = 0
    with open(os.path.join(d, "label-studio.json"), encoding="utf-8") as f:
        tasks = json.load(f)
    for task in tasks:
        text = task["data"]["text"]
        results = [r for a in task["annotations"] for r in a["result"]]
        results += [r for p in task["predictions"] for r in p["result"]]
        for r in results:
            if r.get("type") == "labels":
                v = r["value"]
                same("label-studio", f"task {task['id']}", u16(text, v["start"], v["end"]), v["text"])
                n += 1
    return n


def web_annotation(d):
    n = 0
    with open(os.path.join(d, "web-annotation.jsonld"), encoding="utf-8") as f:
        doc = json.load(f)
    with open(os.path.join(d, "sources.json"), encoding="utf-8") as f:
        sources = json.load(f)
    for item in doc["first"]["items"]:
        if item["motivation"] != "tagging":
            continue
        quote, position = item["target"]["selector"]
        text = sources[item["target"]["source"]]
        same("web-annotation", item["id"], u16(text, position["start"], position["end"]), quote["exact"])
        n += 1
    return n


def spacy(d):
    n = 0
    for i, line in enumerate(jsonl(os.path.join(d, "spacy.jsonl"))):
        for s in line["spans"]:
            same("spacy", f"line {i + 1}", line["text"][s["start"]:s["end"]], s["text"])
            n += 1
    return n


def brat(d):
    n = 0
    with zipfile.ZipFile(os.path.join(d, "brat.zip")) as z:
        for name in z.namelist():
            if not name.endswith(".ann"):
                continue
            text = z.read(name[:-4] + ".txt").decode("utf-8")
            for line in z.read(name).decode("utf-8").split("\n"):
                if not line.startswith("T"):
                    continue
                tid, type_place, covered = line.split("\t")
                place = type_place.split(" ", 1)[1]
                parts = [tuple(map(int, p.split(" "))) for p in place.split(";")]
                same("brat", f"{name} {tid}", " ".join(text[a:b] for a, b in parts), covered)
                n += 1
    return n


def parquet(d):
    try:
        import pyarrow.parquet as pq
    except ImportError:
        print("parquet: skipped: pyarrow is not installed (checked through hyparquet in the JS tests)")
        return None
    n = 0
    for row in pq.read_table(os.path.join(d, "export.parquet")).to_pylist():
        for s in row["spans"]:
            same("parquet", row["key"], row[s["field"]][s["start"]:s["end"]], s["text"])
            n += 1
    return n


def main():
    d = sys.argv[1]
    checks = {
        "tracemark": tracemark,
        "doccano": lambda d: doccano(d, "doccano.jsonl"),
        "doccano-relations": lambda d: doccano(d, "doccano-relations.jsonl"),
        "label-studio": label_studio,
        "web-annotation": web_annotation,
        "brat": brat,
        "spacy": spacy,
        "parquet": parquet,
    }
    for name, check in checks.items():
        n = check(d)
        if n is not None:
            print(f"{name}: {n} spans select their text")


main()
