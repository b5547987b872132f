//! Carrying out actions while a dialog is open: help, the jump list, the
//! quit question, prompts, and the lock and recovery questions.

use std::path::PathBuf;

use crate::cli::now;
use crate::model::project::Project;
use crate::storage;

use super::super::command::{Answer, Command, TextCmd};
use super::super::editors::text_of;
use super::super::jump;
use super::super::session::apply;
use super::{App, Effect, Overlay, Purpose};

impl App {
    pub(super) fn update_overlay(&mut self, overlay: Overlay, command: Command) -> Effect {
        let lang = self.lang();
        match (overlay, command) {
            (Overlay::Help { .. }, Command::Answer(Answer::Cancel)) => {}
            (Overlay::Help { scroll }, Command::List(list)) => {
                let scroll = scroll.saturating_add_signed(list.step());
                self.overlay = Some(Overlay::Help { scroll });
            }
            (Overlay::Quit, Command::Answer(Answer::Save)) => {
                if self.save() {
                    self.quit = true;
                } else {
                    self.overlay = Some(Overlay::Quit);
                }
            }
            (Overlay::Quit, Command::Answer(Answer::Discard)) => {
                if let Some(session) = self.session_mut() {
                    session.discard_recovery();
                }
                self.quit = true;
            }
            (Overlay::Quit, Command::Answer(Answer::Cancel)) => {}
            (Overlay::Jump { .. }, Command::Answer(Answer::Cancel)) => {}
            (
                Overlay::Jump {
                    input,
                    items,
                    selected,
                },
                Command::Answer(Answer::Confirm),
            ) => {
                let filter = text_of(&input);
                let target = jump::filter(&items, &filter)
                    .get(selected)
                    .map(|i| i.target.clone());
                match (target, self.session_mut()) {
                    (Some(t), Some(session)) => session.go_to(t.node, t.field),
                    _ => {
                        self.overlay = Some(Overlay::Jump {
                            input,
                            items,
                            selected,
                        })
                    }
                }
            }
            (
                Overlay::Jump {
                    input,
                    items,
                    selected,
                },
                Command::List(list),
            ) => {
                let count = jump::filter(&items, &text_of(&input)).len();
                let selected = selected
                    .saturating_add_signed(list.step())
                    .min(count.saturating_sub(1));
                self.overlay = Some(Overlay::Jump {
                    input,
                    items,
                    selected,
                });
            }
            (
                Overlay::Jump {
                    mut input, items, ..
                },
                Command::Text(text),
            ) => {
                apply(&mut input, text);
                self.overlay = Some(Overlay::Jump {
                    input,
                    items,
                    selected: 0,
                });
            }
            (Overlay::Prompt { .. }, Command::Answer(Answer::Cancel)) => {
                self.info(lang.pick("已取消", "Cancelled"))
            }
            (Overlay::Prompt { purpose, input }, Command::Answer(Answer::Confirm)) => {
                let answer = text_of(&input).trim().to_string();
                if !self.answer(&purpose, &answer) {
                    self.overlay = Some(Overlay::Prompt { purpose, input });
                }
            }
            (Overlay::Prompt { purpose, mut input }, Command::Text(text)) => {
                // A one-line input has no newlines to make.
                if text != TextCmd::Newline {
                    apply(&mut input, text);
                }
                self.overlay = Some(Overlay::Prompt { purpose, input });
            }
            (Overlay::Locked(_), Command::Answer(Answer::ReadOnly)) => {
                if let Some(session) = self.session_mut() {
                    session.read_only = true;
                }
                self.info(lang.pick(
                    "已只读打开：不能修改和保存，可用 Alt-S 另存为",
                    "Opened read-only",
                ));
            }
            (Overlay::Locked(_), Command::Answer(Answer::TakeOver)) => self.take_over(),
            (Overlay::Locked(_), Command::Answer(Answer::Cancel)) => self.quit = true,
            (Overlay::Recover { copy, .. }, Command::Answer(Answer::RestoreRecovery)) => {
                self.restore(*copy)
            }
            (Overlay::Recover { copy, compare }, Command::Answer(Answer::CompareRecovery)) => {
                self.overlay = Some(Overlay::Recover {
                    copy,
                    compare: !compare,
                });
            }
            (Overlay::Recover { .. }, Command::Answer(Answer::DiscardRecovery)) => {
                if let Some(session) = self.session_mut() {
                    session.discard_recovery();
                }
                self.info(lang.pick("已丢弃恢复副本", "Recovery copy discarded"));
            }
            (Overlay::Recover { .. }, Command::Answer(Answer::Cancel)) => self.info(lang.pick(
                "恢复副本已保留，下次打开时再询问",
                "Recovery copy kept; you will be asked again next time",
            )),
            (overlay, _) => self.overlay = Some(overlay),
        }
        Effect::None
    }

    /// Acts on a prompt's answer; false keeps the prompt open.
    fn answer(&mut self, purpose: &Purpose, answer: &str) -> bool {
        let lang = self.lang();
        if answer.is_empty() {
            self.error(lang.pick("请输入文件名", "Please type a file name"));
            return false;
        }
        // A relative name for an export or a copy goes beside the project,
        // not wherever the program happened to be started.
        let typed = PathBuf::from(answer);
        let path = match (self.session(), &purpose) {
            (Some(s), Purpose::ExportPath | Purpose::SaveAs) if typed.is_relative() => s
                .path
                .parent()
                .map_or(typed.clone(), |dir| dir.join(&typed)),
            _ => typed,
        };
        match purpose {
            Purpose::ExportPath => {
                let Some(session) = self.session() else {
                    return true;
                };
                match session.export(&path) {
                    Ok(()) => {
                        self.info(format!(
                            "{}{}",
                            lang.pick("已导出到 ", "Exported to "),
                            path.display()
                        ));
                        true
                    }
                    Err(e) => {
                        self.error(e.to_string());
                        false
                    }
                }
            }
            Purpose::SaveAs => self.save_as(&path),
            Purpose::NewFile(template) => {
                let project = Project::new((**template).clone(), &now());
                match storage::create_new(&path, project.to_json().as_bytes()) {
                    Ok(()) => {
                        self.start_session(project, path);
                        true
                    }
                    Err(e) => {
                        self.error(e.to_string());
                        false
                    }
                }
            }
        }
    }
}
