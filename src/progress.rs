//! A progress bar for long runs: only on a terminal, only for reports meant
//! for people, and only once a run has lasted a second.

use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

const SHOW_AFTER: Duration = Duration::from_secs(1);

pub struct Progress {
    bar: ProgressBar,
    started: Instant,
    shown: AtomicBool,
}

impl Progress {
    /// `None` when a bar would get in the way: not a terminal, or a machine format.
    pub fn new(files: usize, for_people: bool) -> Option<Progress> {
        use std::io::IsTerminal;
        if !for_people || !std::io::stderr().is_terminal() {
            return None;
        }
        let bar = ProgressBar::with_draw_target(Some(files as u64), ProgressDrawTarget::hidden());
        if let Ok(style) = ProgressStyle::with_template("{bar:30} {pos}/{len} files {elapsed}") {
            bar.set_style(style);
        }
        Some(Progress {
            bar,
            started: Instant::now(),
            shown: AtomicBool::new(false),
        })
    }

    pub fn file_done(&self) {
        self.bar.inc(1);
        if self.started.elapsed() >= SHOW_AFTER && !self.shown.swap(true, Ordering::Relaxed) {
            self.bar.set_draw_target(ProgressDrawTarget::stderr());
        }
    }

    pub fn finish(&self) {
        self.bar.finish_and_clear();
    }
}
