//! The command line: no arguments serves; the staff subcommands (list, export, delete, purge,
//! backup) work on the database directly. Parsing is here; the SQL is in `store`.

use std::path::PathBuf;

use crate::store::ExportFormat;

/// What the binary was asked to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    Serve,
    List,
    Export { since_ms: i64, format: ExportFormat },
    Delete { reference: String },
    Purge { older_than_days: Option<u32> },
    Backup { path: PathBuf },
    Help,
}

pub const USAGE: &str = "\
usage: server                      serve the app and the API (configured by environment variables)
       server list                 list stored requests (reference, received, outcome, flags)
       server export --since YYYY-MM-DD [--format csv|json]
                                   print requests received since that day (UTC), default csv
       server delete REFERENCE     delete one request (a data-subject request)
       server purge [--older-than-days N]
                                   delete requests older than N days (default RETENTION_DAYS)
                                   and idempotency keys older than 35 days
       server backup PATH          write a consistent copy of the database to PATH (VACUUM INTO)
see server/README.md for the environment variables";

/// Reads the arguments after the program name.
pub fn parse(args: &[String]) -> Result<Command, String> {
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    match args.as_slice() {
        [] => Ok(Command::Serve),
        ["help" | "--help" | "-h"] => Ok(Command::Help),
        ["list"] => Ok(Command::List),
        ["export", rest @ ..] => parse_export(rest),
        ["delete", reference] => Ok(Command::Delete {
            reference: (*reference).to_owned(),
        }),
        ["purge"] => Ok(Command::Purge {
            older_than_days: None,
        }),
        ["purge", "--older-than-days", n] => n
            .parse()
            .map(|n| Command::Purge {
                older_than_days: Some(n),
            })
            .map_err(|_| format!("--older-than-days wants a whole number, not {n:?}")),
        ["backup", path] => Ok(Command::Backup {
            path: PathBuf::from(path),
        }),
        _ => Err(format!("unknown arguments: {}", args.join(" "))),
    }
}

fn parse_export(rest: &[&str]) -> Result<Command, String> {
    let mut since = None;
    let mut format = ExportFormat::Csv;
    let mut it = rest.iter();
    while let Some(flag) = it.next() {
        let value = it.next().ok_or_else(|| format!("{flag} wants a value"))?;
        match *flag {
            "--since" => since = Some(day_start_ms(value)?),
            "--format" => {
                format = match *value {
                    "csv" => ExportFormat::Csv,
                    "json" => ExportFormat::Json,
                    other => return Err(format!("--format is csv or json, not {other:?}")),
                }
            }
            other => return Err(format!("unknown option {other}")),
        }
    }
    let since_ms = since.ok_or("export wants --since YYYY-MM-DD")?;
    Ok(Command::Export { since_ms, format })
}

/// Midnight UTC of `YYYY-MM-DD`, in ms since the Unix epoch.
fn day_start_ms(day: &str) -> Result<i64, String> {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    let date = time::Date::parse(day, &format)
        .map_err(|_| format!("{day:?} is not a date like 2026-01-01"))?;
    Ok(date.midnight().assume_utc().unix_timestamp() * 1000)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(args: &str, want: Result<Command, ()>) {
        let args: Vec<String> = args.split_whitespace().map(str::to_owned).collect();
        assert_eq!(parse(&args).map_err(|_| ()), want, "{args:?}");
    }

    #[test]
    fn commands() {
        check("", Ok(Command::Serve));
        check("list", Ok(Command::List));
        let since_ms = 1_767_225_600_000;
        check(
            "export --since 2026-01-01",
            Ok(Command::Export {
                since_ms,
                format: ExportFormat::Csv,
            }),
        );
        check(
            "export --format json --since 2026-01-01",
            Ok(Command::Export {
                since_ms,
                format: ExportFormat::Json,
            }),
        );
        check("export --since 2026-13-01", Err(()));
        check("export --format xml --since 2026-01-01", Err(()));
        check("export", Err(()));
        check(
            "delete CT-7K3M9Q2X",
            Ok(Command::Delete {
                reference: "CT-7K3M9Q2X".into(),
            }),
        );
        check(
            "purge --older-than-days 90",
            Ok(Command::Purge {
                older_than_days: Some(90),
            }),
        );
        check("purge --older-than-days -1", Err(()));
        check(
            "backup /tmp/b.sqlite3",
            Ok(Command::Backup {
                path: "/tmp/b.sqlite3".into(),
            }),
        );
        check("frobnicate", Err(()));
    }
}
