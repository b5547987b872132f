//! Carrying out what the dialogs ask for: they change only their own state
//! and say what they want (`dialog::outcome::Outcome`); here it is done.

use std::path::PathBuf;

use crate::clock::now;
use crate::fingerprint::Fingerprint;
use crate::lock::Holder;
use crate::model::project::Project;
use crate::model::schema::Template;
use crate::{model, storage, strings};

use super::super::command::Command;
use super::super::dialog::outcome::Outcome;
use super::super::dialog::prompt::PromptKind;
use super::super::dialog::{Dialog, changed, locked, quit, recover, upgrade};
use super::{App, Effect};

impl App {
    /// Carries out `command` in the open `dialog`, which was taken out of
    /// the app: it is put back unless the command closed it (a command may
    /// also open another dialog).
    pub(super) fn update_dialog(&mut self, dialog: Dialog, command: Command) -> Effect {
        let lang = self.lang();
        let kept = match dialog {
            Dialog::Help(mut help) => match help.handle(command) {
                Outcome::Stay => Some(Dialog::Help(help)),
                Outcome::Close => None,
                Outcome::Act(never) => match never {},
            },
            Dialog::Jump(mut jump) => match jump.handle(command) {
                Outcome::Stay => Some(Dialog::Jump(jump)),
                Outcome::Close => None,
                Outcome::Act(target) => match self.session_mut() {
                    Some(session) => {
                        session.go_to(target.node, target.field);
                        None
                    }
                    None => Some(Dialog::Jump(jump)),
                },
            },
            Dialog::Problems(mut problems) => match problems.handle(command) {
                Outcome::Stay => Some(Dialog::Problems(problems)),
                Outcome::Close => None,
                Outcome::Act(finding) => match self.session_mut() {
                    Some(session) => {
                        session.go_to_finding(&finding);
                        None
                    }
                    None => Some(Dialog::Problems(problems)),
                },
            },
            Dialog::Figures(mut figures) => match figures.handle(command) {
                Outcome::Stay => Some(Dialog::Figures(figures)),
                Outcome::Close => None,
                Outcome::Act(at) => {
                    self.go_to_figure(&at);
                    None
                }
            },
            Dialog::Quit(q) => match q.handle(command) {
                Outcome::Stay => Some(Dialog::Quit(q)),
                Outcome::Close => None,
                Outcome::Act(quit::Leave::Save) => {
                    self.quit = self.save(true);
                    // A failed save keeps asking; a file changed on disk, or
                    // taken over elsewhere, asks its own question instead.
                    (!self.quit && self.dialog.is_none()).then_some(Dialog::Quit(q))
                }
                Outcome::Act(quit::Leave::Discard) => {
                    if let Some(session) = self.session_mut() {
                        session.doc.discard_recovery();
                    }
                    self.quit = true;
                    None
                }
            },
            Dialog::Prompt(mut prompt) => match prompt.handle(command) {
                Outcome::Stay => Some(Dialog::Prompt(prompt)),
                Outcome::Close => {
                    self.info(lang.say(strings::CANCELLED));
                    None
                }
                Outcome::Act(answer) => {
                    let done = self.answer_prompt(&prompt.kind, &answer);
                    (!done).then_some(Dialog::Prompt(prompt))
                }
            },
            Dialog::Locked(l) => match l.handle(command) {
                Outcome::Stay => Some(Dialog::Locked(l)),
                Outcome::Close => None,
                Outcome::Act(choice) => {
                    self.answer_locked(choice, l.holder);
                    None
                }
            },
            Dialog::Recover(mut r) => match r.handle(command) {
                Outcome::Stay => Some(Dialog::Recover(r)),
                Outcome::Close => None,
                Outcome::Act(choice) => {
                    self.answer_recovery(choice, *r.found);
                    None
                }
            },
            Dialog::Upgrade(mut u) => match u.handle(command) {
                Outcome::Stay => Some(Dialog::Upgrade(u)),
                Outcome::Close => None,
                Outcome::Act(choice) => {
                    self.answer_upgrade(choice, *u.newer);
                    None
                }
            },
            Dialog::Find(find) => self.update_find(find, command),
            Dialog::Changed(c) => match c.handle(command) {
                Outcome::Stay => Some(Dialog::Changed(c)),
                Outcome::Close => {
                    self.info(lang.say(strings::NOT_SAVED_CHANGED_ON_DISK));
                    None
                }
                Outcome::Act(choice) => {
                    self.answer_changed(choice, &c);
                    None
                }
            },
        };
        if kept.is_some() {
            self.dialog = kept;
        }
        Effect::None
    }

    /// Carries out the answer about another writer (`holder`).
    fn answer_locked(&mut self, choice: locked::Choice, holder: Holder) {
        match choice {
            locked::Choice::ReadOnly => {
                if let Some(session) = self.session_mut() {
                    session.doc.open_read_only();
                }
                self.info(self.lang().say(strings::OPENED_READ_ONLY));
            }
            locked::Choice::TakeOver => self.take_over(holder),
            locked::Choice::Quit => self.quit = true,
        }
    }

    fn answer_recovery(&mut self, choice: recover::Choice, found: crate::recovery::Found) {
        let lang = self.lang();
        match choice {
            recover::Choice::Restore => self.restore(found),
            recover::Choice::Discard => {
                // The copy asked about goes; other copies stay.
                crate::recovery::remove(&found.path);
                if let Some(session) = self.session_mut() {
                    session.doc.discard_recovery();
                }
                self.info(lang.say(strings::RECOVERY_DISCARDED));
            }
            recover::Choice::Keep => self.info(lang.say(strings::RECOVERY_KEPT)),
        }
        // The recovery question settled, the next one may follow.
        self.offer_upgrade();
    }

    /// Another program changed the file: the user chose what to do.
    fn answer_changed(&mut self, choice: changed::Choice, asked: &changed::Changed) {
        match choice {
            changed::Choice::Overwrite => self.overwrite(asked),
            changed::Choice::Reload => self.reload(),
            changed::Choice::SaveAs => self.ask_save_as(),
        }
    }

    /// Saves over the other program's change (kept as `NAME.theirs-N.bak`), or
    /// writes the file anew where it was removed.
    fn overwrite(&mut self, asked: &changed::Changed) {
        let lang = self.lang();
        let Some(session) = self.session_mut() else {
            return;
        };
        let name = session.doc.file_name();
        match session.doc.overwrite(&now()) {
            Ok(kept) => {
                let said = match kept {
                    Some(theirs) => strings::overwritten(&name, &theirs, lang),
                    None => strings::saved_to(&name, lang),
                };
                self.info(said);
                self.quit = asked.then_quit;
            }
            Err(e) => self.save_refused(e),
        }
    }

    /// Shows the file as another program left it; unsaved text here goes
    /// to the recovery copy first, and if that fails nothing changes.
    fn reload(&mut self) {
        let lang = self.lang();
        let Some(session) = self.session_mut() else {
            return;
        };
        let reloaded = storage::read_project_fingerprinted(session.doc.path())
            .and_then(|(project, on_disk)| session.reload(project, on_disk, &now()));
        match reloaded {
            Ok(Some(copy)) => self.info(strings::reloaded_text_kept(&copy, lang)),
            Ok(None) => self.info(lang.say(strings::RELOADED)),
            Err(e) => self.error(strings::reload_failed(e, lang)),
        }
    }

    fn answer_upgrade(&mut self, choice: upgrade::Choice, newer: Template) {
        let lang = self.lang();
        match choice {
            upgrade::Choice::Upgrade => {
                if let Some(session) = self.session_mut() {
                    let project = session.doc.project().clone();
                    session.replace_project(model::upgrade::apply(project, newer));
                }
                self.info(lang.say(strings::TEMPLATE_UPGRADED));
            }
            upgrade::Choice::Keep => self.info(lang.say(strings::TEMPLATE_KEPT)),
        }
    }

    /// Acts on a prompt's answer; false keeps the prompt open.
    fn answer_prompt(&mut self, kind: &PromptKind, answer: &str) -> bool {
        let lang = self.lang();
        // A heading may be emptied (back to the template's); a path not.
        match kind {
            PromptKind::Heading(section) => return self.answer_heading(section, answer),
            PromptKind::Title => return self.answer_title(answer),
            _ => {}
        }
        if answer.is_empty() {
            self.error(lang.say(strings::FILE_NAME_NEEDED));
            return false;
        }
        // A relative name for an export or a copy goes beside the project,
        // not wherever the program happened to be started.
        let typed = PathBuf::from(answer);
        let path = match (self.session(), kind) {
            (Some(s), PromptKind::ExportPath | PromptKind::SaveAs) if typed.is_relative() => s
                .doc
                .path()
                .parent()
                .map_or(typed.clone(), |dir| dir.join(&typed)),
            _ => typed,
        };
        match kind {
            PromptKind::ExportPath => {
                let styles = self.ui.styles_dir.clone();
                let Some(session) = self.session_mut() else {
                    return true;
                };
                match session.doc.export(&path, styles.as_deref()) {
                    Ok(()) => {
                        self.info(strings::exported_to(&path, lang));
                        true
                    }
                    Err(e) => {
                        self.error(e.to_string());
                        false
                    }
                }
            }
            PromptKind::SaveAs => self.save_as(&path),
            PromptKind::Heading(section) => self.answer_heading(section, answer),
            PromptKind::Title => self.answer_title(answer),
            PromptKind::ImportFrom => self.import_from(&path),
            PromptKind::RollFrom => self.roll_from(&path),
            PromptKind::NewFile(template) => {
                let project = Project::new((**template).clone(), &now());
                let json = project.to_json();
                match storage::create_new(&path, json.as_bytes()) {
                    Ok(()) => {
                        self.start_session(project, path, Fingerprint::of(json.as_bytes()));
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
