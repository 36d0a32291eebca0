//! Moodle's GIFT format: read (multiple choice, multiple answers with weights, true/false,
//! missing word, titles, feedback, general feedback, categories, comments, escapes) and write.
//! Essay, matching, numerical and short-answer questions are reported, not dropped.

use super::{LineError, PoolProblem, Question, QuestionKind, QuestionOption, UnsupportedKind};

/// Reads a GIFT file. All or nothing: any question that cannot be read is an error on its
/// line, and no question is returned then.
pub fn parse(source: &str) -> Result<Vec<Question>, Vec<LineError>> {
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    let mut questions = Vec::new();
    let mut errors = Vec::new();
    for (line, block) in blocks(source) {
        match question(&block) {
            Ok(Some(question)) => match question.check() {
                Ok(()) => questions.push(question),
                Err(problem) => errors.push(LineError::new(line, PoolProblem::from(problem))),
            },
            Ok(None) => {}
            Err(reason) => errors.push(LineError::new(line, reason)),
        }
    }
    if errors.is_empty() {
        Ok(questions)
    } else {
        Err(errors)
    }
}

/// The file's questions as blocks of text separated by blank lines, each with the line it
/// starts on; comment lines (`//`) and category lines (`$CATEGORY:`) are left out, since a
/// pool belongs to one module.
fn blocks(source: &str) -> Vec<(usize, String)> {
    let mut blocks = Vec::new();
    let mut current: Option<(usize, String)> = None;
    for (index, line) in source.lines().enumerate() {
        let trimmed = line.trim();
        if trimmed.starts_with("//") || trimmed.starts_with("$CATEGORY:") {
            continue;
        }
        if trimmed.is_empty() {
            blocks.extend(current.take());
            continue;
        }
        match &mut current {
            Some((_, text)) => {
                text.push('\n');
                text.push_str(line);
            }
            None => current = Some((index + 1, line.to_string())),
        }
    }
    blocks.extend(current);
    blocks
}

/// A character of the source and whether it was escaped with a backslash.
type Marked = (char, bool);

fn mark(text: &str) -> Vec<Marked> {
    let mut marked = Vec::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n') => marked.push(('\n', true)),
                Some(next) => marked.push((next, true)),
                None => marked.push(('\\', true)),
            }
        } else {
            marked.push((c, false));
        }
    }
    marked
}

fn plain(marked: &[Marked]) -> String {
    marked.iter().map(|(c, _)| *c).collect()
}

/// Where an unescaped `pattern` starts in `marked`, from `from`.
fn find(marked: &[Marked], pattern: &str, from: usize) -> Option<usize> {
    let wanted: Vec<char> = pattern.chars().collect();
    (from..marked.len()).find(|&i| {
        marked.len() - i >= wanted.len()
            && wanted
                .iter()
                .enumerate()
                .all(|(k, w)| marked[i + k] == (*w, false))
    })
}

fn question(block: &str) -> Result<Option<Question>, PoolProblem> {
    let marked = mark(block);
    let mut start = 0;
    let mut title = String::new();
    let lead = marked.iter().take_while(|(c, _)| c.is_whitespace()).count();
    if find(&marked, "::", lead) == Some(lead) {
        let end = find(&marked, "::", lead + 2).ok_or(PoolProblem::TitleNotClosed)?;
        title = plain(&marked[lead + 2..end]).trim().to_string();
        start = end + 2;
    }
    let open = find(&marked, "{", start).ok_or(PoolProblem::NoAnswers)?;
    let close = find(&marked, "}", open).ok_or(PoolProblem::AnswersNotClosed)?;
    let before = without_format(plain(&marked[start..open]).trim());
    let after = plain(&marked[close + 1..]).trim().to_string();
    let text = if after.is_empty() {
        before
    } else {
        format!("{before} _____ {after}")
    };
    let answers = &marked[open + 1..close];
    let (answers, explanation) = match find(answers, "####", 0) {
        Some(at) => (&answers[..at], plain(&answers[at + 4..]).trim().to_string()),
        None => (answers, String::new()),
    };
    let content = plain(answers);
    let content = content.trim();
    let unsupported = |kind| Err(PoolProblem::Unsupported { kind });
    if content.is_empty() {
        return unsupported(UnsupportedKind::Essay);
    }
    if answers
        .iter()
        .find(|(c, _)| !c.is_whitespace())
        .is_some_and(|m| *m == ('#', false))
    {
        return unsupported(UnsupportedKind::Numerical);
    }
    if find(answers, "->", 0).is_some() {
        return unsupported(UnsupportedKind::Matching);
    }
    if let Some(question) = true_false(answers, &text, &explanation) {
        return Ok(Some(Question { title, ..question }));
    }
    let options = options(answers)?;
    if !answers.contains(&('~', false)) {
        return unsupported(UnsupportedKind::ShortAnswer);
    }
    let positive = options.iter().filter(|o| o.weight > 0).count();
    let kind = if positive > 1 && !options.iter().any(|o| o.weight == 100) {
        QuestionKind::Multiple
    } else {
        QuestionKind::Single
    };
    Ok(Some(Question {
        kind,
        title,
        text,
        options,
        answer: None,
        explanation,
    }))
}

/// Text after a `[html]`, `[moodle]`, `[plain]` or `[markdown]` marker.
fn without_format(text: &str) -> String {
    for format in ["[html]", "[moodle]", "[plain]", "[markdown]"] {
        if let Some(rest) = text.strip_prefix(format) {
            return rest.trim().to_string();
        }
    }
    text.to_string()
}

/// `{T}`, `{TRUE}`, `{F}`, `{FALSE}`, each optionally with `#feedback if wrong#feedback if
/// right`.
fn true_false(answers: &[Marked], text: &str, explanation: &str) -> Option<Question> {
    let parts = split_unescaped(answers, '#');
    let answer = match plain(&parts[0]).trim().to_ascii_uppercase().as_str() {
        "T" | "TRUE" => true,
        "F" | "FALSE" => false,
        _ => return None,
    };
    let feedback = |i: usize| {
        parts
            .get(i)
            .map(|p| plain(p).trim().to_string())
            .unwrap_or_default()
    };
    let (if_wrong, if_right) = (feedback(1), feedback(2));
    let (if_true, if_false) = if answer {
        (if_right, if_wrong)
    } else {
        (if_wrong, if_right)
    };
    let mut question = Question::true_false(text.to_string(), answer, if_true, if_false);
    question.explanation = explanation.to_string();
    Some(question)
}

fn split_unescaped(marked: &[Marked], separator: char) -> Vec<Vec<Marked>> {
    marked
        .split(|m| *m == (separator, false))
        .map(<[Marked]>::to_vec)
        .collect()
}

/// `=right`, `~wrong`, `~%50%partly right`, each with an optional `#feedback`.
fn options(answers: &[Marked]) -> Result<Vec<QuestionOption>, PoolProblem> {
    let starts: Vec<usize> = answers
        .iter()
        .enumerate()
        .filter(|(_, m)| **m == ('=', false) || **m == ('~', false))
        .map(|(i, _)| i)
        .collect();
    if starts.is_empty() || !plain(&answers[..starts[0]]).trim().is_empty() {
        return Err(PoolProblem::AnswersUnmarked);
    }
    let mut options = Vec::new();
    for (n, &at) in starts.iter().enumerate() {
        let end = starts.get(n + 1).copied().unwrap_or(answers.len());
        let right = answers[at].0 == '=';
        let mut body = &answers[at + 1..end];
        let mut weight = if right { 100 } else { 0 };
        if body.first() == Some(&('%', false)) {
            let close = find(body, "%", 1).ok_or(PoolProblem::WeightNotClosed)?;
            let raw = plain(&body[1..close]);
            let value: f64 = raw
                .trim()
                .parse()
                .map_err(|_| PoolProblem::WeightNotANumber { raw: raw.clone() })?;
            weight = value.round() as i32;
            body = &body[close + 1..];
        }
        let (text, feedback) = match find(body, "#", 0) {
            Some(hash) => (plain(&body[..hash]), plain(&body[hash + 1..])),
            None => (plain(body), String::new()),
        };
        let text = text.trim().to_string();
        if text.is_empty() {
            return Err(PoolProblem::OptionWithoutText { option: n + 1 });
        }
        options.push(QuestionOption {
            text,
            weight,
            feedback: feedback.trim().to_string(),
        });
    }
    Ok(options)
}

/// Writes questions as GIFT, which `parse` reads back to the same questions.
pub fn write(questions: &[Question]) -> String {
    let mut out = String::new();
    for question in questions {
        if !question.title.is_empty() {
            out.push_str(&format!("::{}::", escape(&question.title)));
        }
        out.push_str(&escape(&question.text));
        out.push_str(" {");
        match question.kind {
            QuestionKind::TrueFalse => {
                let answer = question.answer.unwrap_or(true);
                let feedback = |i: usize| {
                    question
                        .options
                        .get(i)
                        .map(|o| escape(&o.feedback))
                        .unwrap_or_default()
                };
                let (right, wrong) = if answer {
                    (feedback(0), feedback(1))
                } else {
                    (feedback(1), feedback(0))
                };
                out.push_str(if answer { "TRUE" } else { "FALSE" });
                if !right.is_empty() || !wrong.is_empty() {
                    out.push_str(&format!("#{wrong}#{right}"));
                }
            }
            QuestionKind::Single | QuestionKind::Multiple => {
                for option in &question.options {
                    let sign = match (question.kind, option.weight) {
                        (QuestionKind::Single, 100) => "=".to_string(),
                        (_, 0) => "~".to_string(),
                        (_, weight) => format!("~%{weight}%"),
                    };
                    out.push_str(&format!("\n{sign}{}", escape(&option.text)));
                    if !option.feedback.is_empty() {
                        out.push_str(&format!("#{}", escape(&option.feedback)));
                    }
                }
                out.push('\n');
            }
        }
        if !question.explanation.is_empty() {
            out.push_str(&format!("####{}", escape(&question.explanation)));
        }
        out.push_str("}\n\n");
    }
    out
}

fn escape(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        match c {
            '~' | '=' | '#' | '{' | '}' | ':' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            '\n' => out.push_str("\\n"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quiz::QuestionProblem;

    fn one(source: &str) -> Question {
        let mut questions = parse(source).unwrap_or_else(|e| panic!("{source}: {e:?}"));
        assert_eq!(questions.len(), 1, "{source}");
        questions.remove(0)
    }

    fn weights(q: &Question) -> Vec<i32> {
        q.options.iter().map(|o| o.weight).collect()
    }

    #[test]
    fn reads_the_documentation_examples_of_supported_types() {
        // Multiple choice and missing word.
        let q = one("Who's buried in Grant's tomb?{~Grant ~Jefferson =no one}");
        assert_eq!(
            (q.kind, q.text.as_str()),
            (QuestionKind::Single, "Who's buried in Grant's tomb?")
        );
        assert_eq!(weights(&q), [0, 0, 100]);
        assert_eq!(q.options[2].text, "no one");
        let q = one("Grant is {~buried =entombed ~living} in Grant's tomb.");
        assert_eq!(q.text, "Grant is _____ in Grant's tomb.");
        // True/false.
        let q = one("Grant is buried in Grant's tomb.{F}");
        assert_eq!((q.kind, q.answer), (QuestionKind::TrueFalse, Some(false)));
        assert_eq!(one("The sun rises in the east.{T}").answer, Some(true));
        let q = one("Grant is buried in Grant's tomb.{FALSE#No one is buried in Grant's tomb.}");
        assert_eq!(
            q.options[0].feedback, "No one is buried in Grant's tomb.",
            "shown to those who answer true"
        );
        // Title, per-answer feedback.
        let q = one(
            "::Q2:: What's between orange and green in the spectrum?\n{ =yellow # right; good! ~red # wrong, it's yellow ~blue # wrong, it's yellow }",
        );
        assert_eq!(q.title, "Q2");
        assert_eq!(q.options[0].feedback, "right; good!");
        assert_eq!(q.options[1].text, "red");
        // Multiple answers with weights.
        let q = one(
            "What two people are entombed in Grant's tomb? {\n   ~%-100%No one\n   ~%50%Grant\n   ~%50%Grant's wife\n   ~%-100%Grant's father\n}",
        );
        assert_eq!(q.kind, QuestionKind::Multiple);
        assert_eq!(weights(&q), [-100, 50, 50, -100]);
        // General feedback.
        let q = one("How many legs has a spider? {=8 ~6 ####Spiders are not insects.}");
        assert_eq!(q.explanation, "Spiders are not insects.");
        assert_eq!(q.options.len(), 2);
    }

    #[test]
    fn comments_categories_escapes_and_japanese() {
        let source = "\u{feff}// 庁内規程から\n$CATEGORY: $course$/情報セキュリティ\n\n::格付け::[markdown]機密性３情報を\\{庁外\\}へ送るとき\\: 正しいものは？ {\n=暗号化する\\=必須 # そのとおり\n~そのまま送る\n}\n\n// 終わり\n::○×::USB メモリは自由に持ち出せる。{F####持出しは許可制です。}";
        let questions = parse(source).unwrap();
        assert_eq!(questions.len(), 2);
        assert_eq!(questions[0].title, "格付け");
        assert_eq!(
            questions[0].text,
            "機密性３情報を{庁外}へ送るとき: 正しいものは？"
        );
        assert_eq!(questions[0].options[0].text, "暗号化する=必須");
        assert_eq!(questions[0].options[0].feedback, "そのとおり");
        assert_eq!(questions[1].explanation, "持出しは許可制です。");
    }

    #[test]
    fn unsupported_types_are_reported_on_their_line() {
        let source = "::Q1:: 1+1=2 {T}\n\n::Q3:: Two plus {=two =2} equals four.\n\n::Q4:: Which animal eats which food? { =cat -> cat food =dog -> dog food }\n\n::Q5:: What is a number from 1 to 5? {#3:2}\n\n::Q8:: How are you? {}\n\nNo braces at all";
        let errors = parse(source).unwrap_err();
        let found = crate::quiz::pool_problems(&errors);
        let unsupported = |kind| PoolProblem::Unsupported { kind };
        assert_eq!(
            found,
            [
                (3, unsupported(UnsupportedKind::ShortAnswer)),
                (5, unsupported(UnsupportedKind::Matching)),
                (7, unsupported(UnsupportedKind::Numerical)),
                (9, unsupported(UnsupportedKind::Essay)),
                (11, PoolProblem::NoAnswers),
            ]
        );
        assert_eq!(
            errors[0].to_string(),
            "3: short answer questions are not supported"
        );
    }

    #[test]
    fn questions_that_cannot_be_scored_are_errors() {
        let reason = |source| {
            crate::quiz::pool_problems(&parse(source).unwrap_err())
                .remove(0)
                .1
        };
        assert_eq!(
            reason("Which? {~a ~b}"),
            QuestionProblem::NoRightOption.into()
        );
        assert_eq!(
            reason("Which? {~%50%a ~%20%b ~c}"),
            QuestionProblem::WeightsNot100 { total: 70 }.into()
        );
        assert_eq!(
            reason("Which? {=a ~%x%b}"),
            PoolProblem::WeightNotANumber { raw: "x".into() }
        );
        assert_eq!(
            reason("Which? {=a ~ #no text}"),
            PoolProblem::OptionWithoutText { option: 2 }
        );
    }

    #[test]
    fn what_is_written_reads_back_the_same() {
        let source = "::格付け::機密性３情報を{=暗号化して送る#そのとおり ~そのまま送る#いいえ ####取扱制限に従います。}\n\n::複数::正しいものをすべて{~%50%a\\: b ~%50%c\\{d\\} ~%-100%e}\n\n::○×::持ち出せる{FALSE#違います#正解です####許可制}\n\n改行\\nあり{T}";
        let questions = parse(source).unwrap();
        assert_eq!(parse(&write(&questions)).unwrap(), questions);
    }
}
