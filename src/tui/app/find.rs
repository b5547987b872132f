//! The editor's find and replace keys: Ctrl-F (Ctrl-R to replace) opens
//! the find prompt, Enter / F3 and Shift-F3 go to the next and previous
//! match from the cursor, and a replacement — one match or all of them —
//! is undone by one Ctrl-Z while nothing else has changed since.

use crate::model::search;
use crate::strings::search as words;

use super::super::command::{Command, Context, TextCmd};
use super::super::dialog::Dialog;
use super::super::dialog::find::{Find, Want};
use super::super::dialog::outcome::Outcome;
use super::super::search::Search;
use super::{App, Screen};

impl App {
    /// Opens the find prompt with the last search's words, or the text
    /// selected in the field as what to look for.
    pub(super) fn ask_find(&mut self, replacing: bool) {
        let selected = self.session().and_then(Search::selected);
        let s = &self.search;
        let needle = selected.as_deref().unwrap_or(&s.needle);
        let prompt = Find::new(needle, &s.with, s.this_field, replacing, &self.ui.theme);
        self.dialog = Some(Dialog::Find(Box::new(prompt)));
    }

    /// Carries out `command` in the find prompt; returns the prompt unless
    /// it was closed.
    pub(super) fn update_find(&mut self, mut find: Box<Find>, command: Command) -> Option<Dialog> {
        let outcome = find.handle(command);
        self.search.needle = find.needle_text();
        self.search.with = find.with_text();
        self.search.this_field = find.this_field;
        match outcome {
            Outcome::Stay => {}
            Outcome::Close => return None,
            // A replacement in a read-only session is refused, the prompt kept.
            Outcome::Act(_) if command.edits_text() && self.refuse_if_read_only() => {}
            Outcome::Act(Want::Next) => self.find_step(false),
            Outcome::Act(Want::Prev) => self.find_step(true),
            Outcome::Act(Want::ReplaceOne) => self.replace_one(),
            Outcome::Act(Want::ReplaceAll) => self.replace_all(),
        }
        Some(Dialog::Find(find))
    }

    /// Goes to the next (`back`: previous) match from the cursor, and
    /// says which of how many it is, or that there is none.
    pub(super) fn find_step(&mut self, back: bool) {
        let lang = self.lang();
        let needle = self.search.needle.clone();
        if needle.is_empty() {
            self.error(lang.say(words::NOTHING_TO_FIND));
            return;
        }
        let Screen::Edit(session) = &mut self.screen else {
            return;
        };
        let spots = Search::spots(session);
        let hits = self.search.hits(session, &spots);
        let from = self.search.from(session, &spots, back);
        let said = match search::step(&hits, from, back) {
            None => Err(words::not_found(&needle, self.search.this_field, lang)),
            Some((hit, wrapped)) => {
                self.search.show(session, &spots[hit.spot], &hit);
                let at = hits.iter().position(|h| *h == hit).map_or(0, |i| i + 1);
                Ok(words::found(at, hits.len(), wrapped, back, lang))
            }
        };
        match said {
            Ok(text) => self.info(text),
            Err(text) => self.error(text),
        }
    }

    /// Replaces the match shown and goes to the next; with none shown,
    /// shows the next first (the second press replaces it).
    fn replace_one(&mut self) {
        let lang = self.lang();
        let Screen::Edit(session) = &mut self.screen else {
            return;
        };
        let spots = Search::spots(session);
        let hits = self.search.hits(session, &spots);
        let Some(hit) = self.search.shown(session, &spots, &hits) else {
            self.find_step(false);
            return;
        };
        let changes = self.search.replace_one(session, &spots[hit.spot], &hit);
        self.search.remember(session, changes);
        self.find_step(false);
        let undo = self.ui.keymap.keys_for(Context::Editor, TextCmd::Undo);
        self.info(words::replaced(1, 1, &undo, lang));
    }

    /// Replaces every match in the report (or the focused field).
    fn replace_all(&mut self) {
        let lang = self.lang();
        let Screen::Edit(session) = &mut self.screen else {
            return;
        };
        let (count, changes) = self.search.replace_all(session);
        let fields = changes.len();
        self.search.remember(session, changes);
        if count == 0 {
            let said = words::not_found(&self.search.needle, self.search.this_field, lang);
            self.error(said);
            return;
        }
        let undo = self.ui.keymap.keys_for(Context::Editor, TextCmd::Undo);
        self.info(words::replaced(count, fields, &undo, lang));
    }

    /// Undo or redo, in a field or a table, right after a replacement:
    /// the replacement is undone (redone) in every field at once. False
    /// when `command` is something else, or the report changed since.
    pub(super) fn undo_replacement(&mut self, command: Command) -> bool {
        let Some(redo) = command.undo_or_redo() else {
            return false;
        };
        let lang = self.lang();
        let Screen::Edit(session) = &mut self.screen else {
            return false;
        };
        if !self.search.undo(session, redo, lang) {
            return false;
        }
        self.info(lang.say(if redo {
            words::REPLACE_REDONE
        } else {
            words::REPLACE_UNDONE
        }));
        true
    }
}
