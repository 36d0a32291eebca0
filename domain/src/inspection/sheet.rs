//! One person's answers to a campaign's items, by the items' positions. Stored as one letter
//! per item (`y`, `n`, `a` for na, `.` for none), so that a 300,000-person campaign is read
//! as 300,000 short strings; positions are stable because a campaign's items can no longer
//! be replaced once anyone has answered.

use super::Answer;
use serde::{Deserialize, Serialize};
use std::fmt;

const NONE: char = '.';

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnswerSheet(Vec<Option<Answer>>);

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownLetter(pub char);

impl fmt::Display for UnknownLetter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "unknown answer letter '{}' in a stored answer sheet",
            self.0
        )
    }
}

impl AnswerSheet {
    /// No answer yet to any of `items` items.
    pub fn blank(items: usize) -> Self {
        AnswerSheet(vec![None; items])
    }

    /// The answer to the item at `position` (none beyond the sheet's end).
    pub fn get(&self, position: usize) -> Option<Answer> {
        self.0.get(position).copied().flatten()
    }

    pub fn set(&mut self, position: usize, answer: Option<Answer>) {
        if position >= self.0.len() {
            self.0.resize(position + 1, None);
        }
        self.0[position] = answer;
    }

    /// How many items have an answer.
    pub fn answered(&self) -> usize {
        self.0.iter().flatten().count()
    }

    pub fn encode(&self) -> String {
        self.0
            .iter()
            .map(|answer| answer.map_or(NONE, Answer::letter))
            .collect()
    }

    pub fn parse(stored: &str) -> Result<Self, UnknownLetter> {
        stored
            .chars()
            .map(|letter| match letter {
                NONE => Ok(None),
                _ => Answer::ALL
                    .into_iter()
                    .find(|a| a.letter() == letter)
                    .map(Some)
                    .ok_or(UnknownLetter(letter)),
            })
            .collect::<Result<_, _>>()
            .map(AnswerSheet)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sheet_survives_storage() {
        let mut sheet = AnswerSheet::blank(4);
        sheet.set(0, Some(Answer::Yes));
        sheet.set(2, Some(Answer::NotApplicable));
        sheet.set(3, Some(Answer::No));
        assert_eq!(sheet.encode(), "y.an");
        assert_eq!(AnswerSheet::parse("y.an"), Ok(sheet.clone()));
        assert_eq!(sheet.answered(), 3);
        assert_eq!(AnswerSheet::parse("y?"), Err(UnknownLetter('?')));
    }

    #[test]
    fn positions_beyond_the_end_are_unanswered_until_set() {
        let mut sheet = AnswerSheet::parse("y").unwrap();
        assert_eq!(sheet.get(5), None);
        sheet.set(2, Some(Answer::No));
        assert_eq!(sheet.encode(), "y.n");
    }
}
