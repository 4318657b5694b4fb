//! Each stage of the pipeline on its own: decoding, the line index, front
//! matter, Markdown events, every rule alone, the site pass, and the lint an
//! editor runs after each edit to a 50 KB Japanese post. Reading files is
//! IO, so its bench is the binary's (`benches/read.rs`).
//!
//! `cargo bench -p copydesk-core --bench stages`

use std::hint::black_box;

use copydesk_core::body::Body;
use copydesk_core::front_matter::FrontMatter;
use copydesk_core::rules::REGISTRY;
use copydesk_core::site::{check_site, Post, PostFacts, SiteSettings};
use copydesk_core::{check, ColumnEncoding, Config, Document, Severity, Source};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

/// A Japanese post of about `size` bytes with figures, links, a list and code.
fn japanese_post(size: usize) -> String {
    let mut text = String::from(
        "---\nlayout: post\ntitle: \"市場の動向と今後の見通し\"\ndate: 2025-11-20 08:43:29 +0900\ntags: [\"AI\", \"投資\", \"ai\"]\nreading_time: 8\n---\n\n市場の動向と今後の見通し\n\n",
    );
    let mut section = 0;
    while text.len() < size {
        section += 1;
        text.push_str(&format!(
            "## 第{section}節\n\n国内の利用者は約{section}割増えた。[調査](https://example.com/{section})によると売上は{section}億円だった。関係者の話では、導入企業は数百社にのぼるという。ここでは細かな数字よりも、現場で何が起きているかを見ていく。More than 1,500 people came, and about 40% stayed.\n\n- 一つ目の論点\n- 二つ目の論点\n\n```rust\nfn main() {{ println!(\"{section}\"); }}\n```\n\n"
        ));
    }
    text
}

/// A config with every rule off but `only`.
fn only(rule: &str) -> Config {
    let mut yaml = String::from("packs: []\nrules:\n");
    for info in REGISTRY.iter().filter(|info| info.name != rule) {
        yaml.push_str(&format!("  {}: off\n", info.name));
    }
    Config::from_yaml(&yaml).expect("valid config")
}

fn stages(c: &mut Criterion) {
    let text = japanese_post(10_000);
    let bytes = text.clone().into_bytes();
    let mut group = c.benchmark_group("stages (10 KB post)");
    group.throughput(Throughput::Bytes(bytes.len() as u64));
    group.bench_function("decode", |b| {
        b.iter(|| Source::from_bytes(black_box(bytes.clone())))
    });
    // Built on the first position asked for; this asks for the last one.
    group.bench_function("line index", |b| {
        b.iter_batched(
            || Source::new(text.clone()),
            |source| source.position(source.len(), ColumnEncoding::Utf16),
            criterion::BatchSize::SmallInput,
        )
    });
    let source = Source::new(text.clone());
    group.bench_function("front matter", |b| {
        b.iter(|| FrontMatter::parse(black_box(&source)))
    });
    let front_matter = FrontMatter::parse(&source);
    group.bench_function("markdown events and prose", |b| {
        b.iter(|| Body::parse(black_box(source.text()), front_matter.body_start))
    });
    let document = Document::parse("_posts/2025-11-20-post.md", source.clone());
    for info in REGISTRY {
        let rule_set = only(info.name)
            .rule_set_for("_posts/2025-11-20-post.md")
            .expect("rules build");
        group.bench_function(format!("rule {}", info.name), |b| {
            b.iter(|| check(black_box(&document), &rule_set))
        });
    }
    for pack in ["generator-leftovers", "ja-style"] {
        let config = Config::from_yaml(&format!(
            "packs: [{pack}]\nrules:\n{}",
            REGISTRY
                .iter()
                .map(|info| format!("  {}: off\n", info.name))
                .collect::<String>()
        ))
        .expect("valid config");
        let rule_set = config.rule_set_for("post.md").expect("rules build");
        group.bench_function(format!("pack {pack}"), |b| {
            b.iter(|| check(black_box(&document), &rule_set))
        });
    }
    let defaults = Config::default()
        .rule_set_for("_posts/2025-11-20-post.md")
        .expect("rules build");
    group.bench_function("all default rules", |b| {
        b.iter(|| check(black_box(&document), &defaults))
    });
    group.finish();

    let settings = SiteSettings {
        duplicate_title: Severity::Warning,
        boilerplate_excerpt: Severity::Warning,
        boilerplate_min_posts: 3,
        boilerplate_templates: true,
        allow_translations: true,
        language: copydesk_core::Language::En,
    };
    let facts: Vec<PostFacts> = (0..10_000)
        .map(|at| {
            let post = format!(
                "---\ntitle: \"Post {}\"\nexcerpt: \"Excerpt {}\"\n---\n",
                at % 9_000,
                at % 7_000
            );
            PostFacts::of(&Document::parse("a.md", Source::new(post)))
        })
        .collect();
    let paths: Vec<String> = (0..10_000)
        .map(|at| format!("_posts/post-{at:05}.md"))
        .collect();
    let posts: Vec<Post> = facts
        .iter()
        .zip(&paths)
        .map(|(facts, path)| Post::new(path, facts, settings))
        .collect();
    c.bench_function("site pass (10,000 posts)", |b| {
        b.iter(|| check_site(black_box(&posts)))
    });

    // What the language server does after each edit: parse and lint the document.
    let big = japanese_post(50_000);
    let mut group = c.benchmark_group("lsp");
    group.throughput(Throughput::Bytes(big.len() as u64));
    group.bench_function("re-lint of a 50 KB Japanese post", |b| {
        b.iter(|| {
            let document = Document::parse(
                "_posts/2025-11-20-post.md",
                Source::new(black_box(big.clone())),
            );
            // The server sends UTF-16 positions, so the line index is built too.
            check(&document, &defaults)
                .iter()
                .map(|diagnostic| {
                    let source = &document.source;
                    (
                        source.position(diagnostic.range.start(), ColumnEncoding::Utf16),
                        source.position(diagnostic.range.end(), ColumnEncoding::Utf16),
                    )
                })
                .count()
        })
    });
    group.finish();
}

criterion_group!(benches, stages);
criterion_main!(benches);
