#!/usr/bin/env python3
"""Writes a deterministic corpus of Jekyll posts for benchmarks.

    scripts/gen_corpus.py --posts 10000 --seed 1 --out target/bench/corpus

Half Japanese and half English, with sizes, front matter, tags, links,
figures, code blocks and problems spread like a real blog's: most posts repeat
their title, most declare the same reading time, and many figures have no
source. All text is made here from word lists; nothing is copied.

Claim density follows ../shared/corpora: about 1 sentence in 120 states a
figure, which gives about 140 unsourced figures per MB (the densest corpus
there, Zenn, has 115; the others 38 to 86), and 1 in 10 has a number that is
not a claim: a date, a version, an ordinal.
"""
import argparse
import datetime
import os
import random

JA_SUBJECTS = ["国内の中小企業", "開発チーム", "新しいサービス", "利用者", "市場全体", "地方の自治体", "大手クラウド",
               "若い世代", "編集部", "スタートアップ", "研究者", "投資家"]
JA_PREDICATES = ["に注目が集まっている", "の動きが速くなっている", "が変わりつつある", "を見直す時期に来ている",
                 "の使い方が広がっている", "が課題を抱えている", "の評価が分かれている"]
JA_FIGURES = ["約{n}割", "{n}%", "{n}億円", "数百万人", "{n}社", "{n}倍", "{n}万人以上", "およそ{n}%", "{n}兆円規模"]
JA_SOURCES = ["[調査](https://example.com/report/{n})によると、", "架空リサーチの調査では、", "", "", "", ""]
JA_FILLER = ["ここでは細かな数字よりも、現場で何が起きているかを丁寧に見ていきます。",
             "正直なところ、この流れはしばらく続きそうです。",
             "私が話を聞いた担当者も、同じ点を気にしていました。",
             "では、具体的に何から始めればよいのでしょうか。",
             "結論を急がず、ひとつずつ確かめていきましょう。"]
EN_SUBJECTS = ["Small businesses", "Our platform team", "The new release", "Readers", "The market", "City councils",
               "Cloud providers", "Younger developers", "The editorial team", "Startups", "Researchers"]
EN_PREDICATES = ["are paying closer attention", "moved faster than expected", "are changing their habits",
                 "had to revisit the plan", "keep finding new uses", "ran into the same problem"]
EN_FIGURES = ["{n}%", "about {n}%", "${n} billion", "more than {n},000 people", "{n}x", "nearly {n} million", "{n} percent"]
JA_PLAIN_NUMBERS = ["{y}年{m}月に公開した第{n}版では、Rust 1.{n} を使いました。", "第{n}章では{m}つの手順を順に試します。",
                    "{y}年{m}月{n}日の時点で、v{m}.{n} が最新です。"]
EN_PLAIN_NUMBERS = ["Version {m}.{n} shipped on June {m} with {n} fixes.", "Chapter {n} walks through {m} steps.",
                    "In {y}, we moved to Python 3.{n} and kept HTTP/2."]
EN_SOURCES = ["According to [a survey](https://example.com/survey/{n}), ", "", "", "", ""]
EN_FILLER = ["We will look at what changed in practice rather than at the headline numbers.",
             "Honestly, this trend is likely to continue for a while.",
             "The people we talked to worried about the same thing.",
             "So where should a team start?",
             "Let us take it one step at a time."]
TAGS = ["AI", "Rust", "Jekyll", "クラウド", "投資", "セキュリティ", "Open Source", "Linux", "DevOps", "Design",
        "Python", "データ分析", "Career", "Kubernetes", "Startup", "Writing", "Hardware", "モバイル", "Games", "Web"]
CODE = ["```rust\nfn main() {\n    println!(\"{} items at 99% load\", 42);\n}\n```\n",
        "```sh\ncurl -s https://example.com/api/v2/stats | jq '.users'\n```\n",
        "```yaml\nreading_time: 8\ntags: [a, b]\n```\n"]


def title(rng, japanese):
    # A topic and a number keep most titles apart, as on a real site.
    topic = rng.choice(TAGS)
    if japanese:
        return f"{topic}: {rng.choice(JA_SUBJECTS)}{rng.choice(JA_PREDICATES)}理由（その{rng.randint(1, 400)}）"
    return f"{topic}: why {rng.choice(EN_SUBJECTS).lower()} {rng.choice(EN_PREDICATES)}, part {rng.randint(1, 400)}"


FIGURE_RATE = 1 / 120
PLAIN_NUMBER_RATE = 1 / 10


def sentence(rng, japanese):
    n = rng.randint(2, 95)
    roll = rng.random()
    plain = roll >= FIGURE_RATE and roll < FIGURE_RATE + PLAIN_NUMBER_RATE
    numbers = {"n": n, "m": rng.randint(1, 12), "y": rng.randint(2015, 2026)}
    if japanese:
        if roll < FIGURE_RATE:
            figure = rng.choice(JA_FIGURES).format(n=n)
            source = rng.choice(JA_SOURCES).format(n=n)
            return f"{source}{rng.choice(JA_SUBJECTS)}の{figure}{rng.choice(JA_PREDICATES)}。"
        if plain:
            return rng.choice(JA_PLAIN_NUMBERS).format(**numbers)
        return rng.choice(JA_FILLER)
    if roll < FIGURE_RATE:
        figure = rng.choice(EN_FIGURES).format(n=n)
        source = rng.choice(EN_SOURCES).format(n=n)
        return f"{source}{figure} of {rng.choice(EN_SUBJECTS).lower()} {rng.choice(EN_PREDICATES)}."
    if plain:
        return rng.choice(EN_PLAIN_NUMBERS).format(**numbers)
    return rng.choice(EN_FILLER)


def paragraph(rng, japanese):
    count = rng.randint(3, 7)
    joiner = "" if japanese else " "
    return joiner.join(sentence(rng, japanese) for _ in range(count))


def tags(rng):
    chosen = rng.sample(TAGS, rng.randint(1, 6))
    # Case variants and repeats, as real archives have.
    if rng.random() < 0.1:
        chosen.append(chosen[0].lower())
    return chosen


def post(rng, index, start):
    japanese = rng.random() < 0.5
    heading = title(rng, japanese)
    date = start + datetime.timedelta(days=index // 3, hours=rng.randint(0, 23))
    # Sizes spread like a blog's: most a few KB, a long tail of long reads.
    target = int(min(60_000, rng.lognormvariate(9.0, 0.6)))
    lines = ["---", "layout: post", f'title: "{heading}"', f"date: {date:%Y-%m-%d %H:%M:%S} +0900",
             f'categories: ["{rng.choice(["分析", "News", "Engineering", "Column"])}"]',
             "tags: [" + ", ".join(f'"{tag}"' for tag in tags(rng)) + "]",
             'author: "編集部"' if japanese else 'author: "Editorial team"',
             'excerpt: "この記事では最新の動向を詳しく分析します。"' if rng.random() < 0.05 else f'excerpt: "{heading}について。"',
             f"reading_time: {8 if rng.random() < 0.8 else rng.randint(1, 20)}", "---", ""]
    if rng.random() < 0.67:
        lines += [heading, ""]
    body = "\n".join(lines)
    while len(body.encode()) < target:
        roll = rng.random()
        if roll < 0.08:
            body += f"\n## {title(rng, japanese)}\n"
        elif roll < 0.12:
            body += "\n" + rng.choice(CODE)
        elif roll < 0.15:
            body += f"\n![figure](/assets/img/{index}-{rng.randint(1, 9)}.png)\n"
        elif roll < 0.20:
            body += "\n" + "".join(f"- {sentence(rng, japanese)}\n" for _ in range(rng.randint(2, 5)))
        else:
            body += "\n" + paragraph(rng, japanese) + "\n"
    return date, body


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    folder = os.path.join(args.out, "_posts")
    os.makedirs(folder, exist_ok=True)
    start = datetime.datetime(2018, 1, 1)
    total = 0
    for index in range(args.posts):
        date, body = post(rng, index, start)
        path = os.path.join(folder, f"{date:%Y-%m-%d}-post-{index:06d}.md")
        with open(path, "w", encoding="utf-8", newline="") as handle:
            handle.write(body)
        total += len(body.encode())
    print(f"wrote {args.posts} posts, {total / 1e6:.1f} MB, to {folder}")


if __name__ == "__main__":
    main()
