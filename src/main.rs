//! The `copydesk` binary: a thin layer over `copydesk-core` that owns
//! arguments, config discovery, file walking and reporting.

use std::io;
use std::process::ExitCode;

use clap::Parser;

/// Linting allocates many small blocks on every thread: glibc's allocator
/// took 15% of a run. jemalloc, as in ruff, is faster and can give every
/// thread's freed pages back at once, which the language server needs.
#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

mod args;
mod baseline;
mod cache;
mod check;
mod commands;
mod discover;
mod error;
mod init;
mod lsp;
mod progress;
mod report;
mod site_report;
mod vocab;
mod write;

use args::{Cli, Command};
use commands::{print_out, run_language};
use error::{Error, ExitStatus, Outcome};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let languages = discover::Languages::from_command_line(cli.lang);
    ExitCode::from(match try_main(cli, languages) {
        Ok(status) => status.code(),
        Err(error) => {
            commands::note(run_language(languages), error.message());
            ExitStatus::Incomplete.code()
        }
    })
}

/// Runs the subcommand; the one place errors become exit codes is `main`.
fn try_main(cli: Cli, languages: discover::Languages) -> Outcome {
    match cli.command {
        Command::Check(args) => commands::check::run(&args, languages),
        Command::Rules => commands::rules::list(run_language(languages)),
        Command::Vocab(args) => commands::vocab::run(&args, run_language(languages)),
        Command::Init { vocab } => commands::init::run(vocab, run_language(languages)),
        Command::Report(args) => commands::report::run(&args, languages),
        Command::Lsp => Ok(match lsp::run() {
            0 => ExitStatus::Clean,
            _ => ExitStatus::Incomplete,
        }),
        Command::Completions { shell } => {
            let mut script = Vec::new();
            clap_complete::generate(
                shell,
                &mut <Cli as clap::CommandFactory>::command(),
                "copydesk",
                &mut script,
            );
            print_out(&script);
            Ok(ExitStatus::Clean)
        }
        Command::Man => clap_mangen::Man::new(<Cli as clap::CommandFactory>::command())
            .render(&mut io::stdout())
            .map(|()| ExitStatus::Clean)
            .map_err(|error| Error::write("the man page", error)),
        Command::Schema => {
            print_out(copydesk_core::config::json_schema().as_bytes());
            Ok(ExitStatus::Clean)
        }
        Command::Explain { rule } => commands::rules::explain(&rule, run_language(languages)),
    }
}
