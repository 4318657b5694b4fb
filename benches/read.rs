//! The read stage: discovering and reading a folder of posts, as `copydesk
//! check` does before it lints anything. The posts are written to a temporary
//! folder first, so the page cache is warm, as in the corpus benchmark.
//!
//! `cargo bench --bench read`

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

const POSTS: usize = 1_000;

fn post(index: usize) -> String {
    let mut text = format!("---\ntitle: \"記事 {index}\"\ntags: [Rust, 分析]\n---\n\n");
    while text.len() < 10_000 {
        text.push_str(
            "国内の利用者は約3割増えた。More than 1,500 people came, and about 40% stayed.\n\n",
        );
    }
    text
}

fn read(c: &mut Criterion) {
    let folder = tempfile::TempDir::new().expect("a temporary folder");
    let mut bytes = 0;
    for index in 0..POSTS {
        let text = post(index);
        bytes += text.len();
        std::fs::write(folder.path().join(format!("post-{index:04}.md")), text)
            .expect("the post is written");
    }
    let mut group = c.benchmark_group("read");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("walk and read 1,000 posts of 10 KB", |b| {
        b.iter(|| {
            let paths: Vec<PathBuf> = ignore::WalkBuilder::new(folder.path())
                .build()
                .filter_map(Result::ok)
                .filter(|entry| entry.path().extension().is_some_and(|ext| ext == "md"))
                .map(|entry| entry.into_path())
                .collect();
            paths
                .iter()
                .map(|path| std::fs::read(black_box(path)).map_or(0, |bytes| bytes.len()))
                .sum::<usize>()
        })
    });
    group.finish();
}

criterion_group!(benches, read);
criterion_main!(benches);
