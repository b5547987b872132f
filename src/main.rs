use std::process::ExitCode;

fn main() -> ExitCode {
    ziping::cli::main()
}
