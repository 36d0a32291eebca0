//! The Aiken format: a question on one line, options `A.` or `A)`, then `ANSWER: X`; single
//! choice only.

use super::{LineError, PoolProblem, Question, QuestionKind, QuestionOption, QuestionProblem};

/// Reads an Aiken file; all or nothing, with every error on its line.
pub fn parse(source: &str) -> Result<Vec<Question>, Vec<LineError>> {
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    let mut questions = Vec::new();
    let mut errors = Vec::new();
    // The question being read: its first line, its text and its lettered options.
    let mut current: Option<(usize, String, Vec<Lettered>)> = None;
    let mut fail = |line: usize, reason: PoolProblem| errors.push(LineError::new(line, reason));
    for (index, raw) in source.lines().enumerate() {
        let (line, text) = (index + 1, raw.trim());
        if text.is_empty() {
            continue;
        }
        let Some((start, question, options)) = &mut current else {
            current = Some((line, text.to_string(), Vec::new()));
            continue;
        };
        if let Some(letter) = text.strip_prefix("ANSWER:") {
            let letter = letter.trim();
            let right = options
                .iter()
                .position(|(l, _)| letter.len() == 1 && letter.starts_with(*l));
            match right {
                _ if options.len() < 2 => fail(*start, QuestionProblem::TooFewOptions.into()),
                None => fail(
                    line,
                    PoolProblem::AnswerNotAnOption {
                        letter: letter.to_string(),
                    },
                ),
                Some(right) => questions.push(Question {
                    kind: QuestionKind::Single,
                    title: String::new(),
                    text: question.clone(),
                    options: options
                        .iter()
                        .enumerate()
                        .map(|(i, (_, text))| QuestionOption {
                            text: text.clone(),
                            weight: if i == right { 100 } else { 0 },
                            feedback: String::new(),
                        })
                        .collect(),
                    answer: None,
                    explanation: String::new(),
                }),
            }
            current = None;
        } else if let Some((letter, option)) = option_line(text) {
            let expected = (b'A' + options.len() as u8) as char;
            if letter == expected {
                options.push((letter, option));
            } else {
                fail(
                    line,
                    PoolProblem::OptionOutOfOrder {
                        found: letter,
                        expected,
                    },
                );
            }
        } else if options.is_empty() {
            fail(line, PoolProblem::QuestionNotOnOneLine);
        } else {
            fail(
                line,
                PoolProblem::NotAnOption {
                    text: text.to_string(),
                },
            );
        }
    }
    if let Some((start, _, _)) = current {
        fail(start, PoolProblem::NoAnswerLine);
    }
    if errors.is_empty() {
        Ok(questions)
    } else {
        errors.sort_by_key(|e| e.line);
        Err(errors)
    }
}

type Lettered = (char, String);

/// `A. text` or `A) text`.
fn option_line(text: &str) -> Option<(char, String)> {
    let mut chars = text.chars();
    let letter = chars.next().filter(char::is_ascii_uppercase)?;
    let rest = chars.as_str();
    let rest = rest
        .strip_prefix(". ")
        .or_else(|| rest.strip_prefix(") "))?;
    Some((letter, rest.trim().to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_documentation_example() {
        let source = "What is the correct answer to this question?\nA. Is it this one?\nB. Maybe this answer?\nC. Possibly this one?\nD. Must be this one!\nANSWER: D\n\nWhich LMS has the most quiz import formats?\nA) Moodle\nB) ATutor\nC) Claroline\nD) Blackboard\nE) WebCT\nF) Ilias\nANSWER: A\n";
        let questions = parse(source).unwrap();
        assert_eq!(questions.len(), 2);
        assert_eq!(questions[0].options[3].weight, 100);
        assert_eq!(questions[0].options[3].text, "Must be this one!");
        assert_eq!(questions[1].options.len(), 6);
        assert_eq!(questions[1].options[0].weight, 100);
        assert!(questions.iter().all(|q| q.check().is_ok()));
    }

    #[test]
    fn japanese_questions_and_errors_on_their_lines() {
        let good = parse(
            "\u{feff}機密性３情報の持出しに必要なものは？\nA. 上長の許可\nB. 不要\nANSWER: A",
        )
        .unwrap();
        assert_eq!(good[0].text, "機密性３情報の持出しに必要なものは？");
        let errors = parse("問1\nA. はい\nB. いいえ\nANSWER: C\n\n問2\nA. はい\nC. いいえ\nANSWER: A\n\n問3\nA. はい\nB. いいえ").unwrap_err();
        let found = crate::quiz::pool_problems(&errors);
        assert_eq!(
            found,
            [
                (4, PoolProblem::AnswerNotAnOption { letter: "C".into() }),
                (6, QuestionProblem::TooFewOptions.into()),
                (
                    8,
                    PoolProblem::OptionOutOfOrder {
                        found: 'C',
                        expected: 'B'
                    }
                ),
                (11, PoolProblem::NoAnswerLine),
            ]
        );
        assert_eq!(
            errors[0].to_string(),
            "4: ANSWER \"C\" is not one of the options"
        );
    }
}
