//! The quiz pages' texts: taking a quiz, the question pool and its results.

use mamori_domain::quiz::{
    PoolProblem, QuestionProblem, QuizRefusal, ReviewPolicy, StartRefusal, UnsupportedKind,
};

texts! {
    pub struct QuizTexts {
        back_to_module: &'static str = ("研修に戻る", "Back to the module"),
        title: fn(&str) -> String = (|m| format!("確認テスト: {m}"), |m| format!("Quiz: {m}")),
        rules: fn(u32, usize, u32, u32) -> String = (
            |pass, count, attempts, minutes| {
                let attempts = if attempts == 0 {
                    "回数の制限なし".to_string()
                } else {
                    format!("{attempts} 回まで")
                };
                let time = if minutes == 0 {
                    "時間制限なし".to_string()
                } else {
                    format!("制限時間 {minutes} 分（延長できます）")
                };
                format!("{count} 問、{pass}% 以上で合格。{attempts}、{time}。")
            },
            |pass, count, attempts, minutes| {
                let attempts = if attempts == 0 {
                    "no limit on attempts".to_string()
                } else {
                    format!("up to {attempts} attempts")
                };
                let time = if minutes == 0 {
                    "no time limit".to_string()
                } else {
                    format!("{minutes} minutes (you can extend it)")
                };
                format!("{count} questions; pass with {pass} % or more; {attempts}; {time}.")
            },
        ),
        start: &'static str = ("テストを始める", "Start the quiz"),
        history: &'static str = ("これまでの受験", "Your attempts"),
        deadline: fn(&str) -> String = (|at| format!("解答期限: {at}"), |at| format!("Answer by {at}")),
        extend: &'static str = ("時間を延長する", "Give me more time"),
        quiz_true: &'static str = ("○（正しい）", "True"),
        quiz_false: &'static str = ("×（誤り）", "False"),
        choose_all: &'static str = ("当てはまるものをすべて選んでください。", "Choose all that apply."),
        question_number: fn(usize) -> String = (|n| format!("問{n}."), |n| format!("Q{n}.")),
        question_name: fn(usize) -> String = (|n| format!("問{n}"), |n| format!("Q{n}")),
        quiz_attempt_number: fn(i32) -> String = (|n| format!("第{n}回"), |n| format!("Attempt {n}")),
        submit: &'static str = ("解答を送信する", "Submit answers"),
        passed: &'static str = ("合格", "Passed"),
        failed: &'static str = ("不合格", "Not passed"),
        late: &'static str = ("（制限時間を過ぎて送信）", "(sent after the time limit)"),
        score: &'static str = ("得点", "Score"),
        your_choice: &'static str = ("あなたの解答", "your choice"),
        right_option: &'static str = ("正解", "correct answer"),
        explanation: &'static str = ("解説", "Explanation"),
        already_passed: &'static str = ("合格済みです。", "You have passed this quiz."),
        result_passed: &'static str = ("合格です。", "Passed."),
        result_failed: &'static str = ("不合格です。", "Not passed."),
        result_score: fn(&str, u32) -> String = (
            |score, pass| format!("得点 {score}%（合格点 {pass}%）"),
            |score, pass| format!("Score {score} % (pass mark {pass} %)"),
        ),
        attempts_left: fn(u32) -> String = (
            |n| format!("あと {n} 回受験できます。"),
            |n| if n == 1 { "You have 1 attempt left.".to_string() } else { format!("You have {n} attempts left.") },
        ),
        unanswered_warning: fn(&str) -> String = (
            |questions| format!("{questions} に解答していません。このまま送信するには、もう一度「解答を送信する」を押してください。"),
            |questions| format!("{questions} not answered. To send your answers as they are, press \"Submit answers\" again."),
        ),
        no_attempts_left: &'static str = (
            "受験できる回数の上限に達しました。研修の担当者にお問い合わせください。",
            "You have used every attempt. Please contact the training officer.",
        ),
        wait_until: fn(&str) -> String = (
            |at| format!("{at} から再受験できます。"),
            |at| format!("You can try again from {at}."),
        ),
        no_questions: &'static str = ("この研修には確認テストがありません。", "This module has no quiz."),
        heading: &'static str = ("確認テスト", "Quiz"),
        pool_empty: &'static str = (
            "問題はまだありません。問題がない研修は、資料を確認すれば修了です。",
            "No questions yet. Without questions, viewing the materials completes the module.",
        ),
        pool_caption: &'static str = ("問題プール", "Question pool"),
        question_kind: &'static str = ("形式", "Type"),
        question_text: &'static str = ("問題文", "Question"),
        question_single: &'static str = ("単一選択", "Single choice"),
        question_multiple: &'static str = ("複数選択", "Multiple choice"),
        question_true_false: &'static str = ("○×", "True/false"),
        pass_mark_label: &'static str = ("合格点（%）", "Pass mark (%)"),
        draw_count_label: &'static str = ("出題数（0 ですべて）", "Questions per attempt (0: all)"),
        max_attempts_label: &'static str = ("受験回数の上限（0 で無制限）", "Most attempts (0: unlimited)"),
        wait_minutes_label: &'static str = (
            "不合格後、再受験までの待ち時間（分）",
            "Wait after a failed attempt (minutes)",
        ),
        time_limit_label: &'static str = ("制限時間（分、0 でなし）", "Time limit (minutes, 0: none)"),
        shuffle_label: &'static str = ("選択肢の順序を受験ごとに入れ替える", "Shuffle the options for each attempt"),
        scoring_label: &'static str = ("複数選択問題の採点", "Scoring of multiple-choice questions"),
        scoring_all: &'static str = (
            "正解をすべて選んだときのみ正解",
            "Right only when exactly the right options are chosen",
        ),
        scoring_partial: &'static str = ("選択肢の配点で部分点", "Partial credit by the options' weights"),
        review_label: &'static str = ("正解と解説の表示", "Show the right answers and explanations"),
        review_policy: fn(ReviewPolicy) -> &'static str = (
            |policy| match policy {
                ReviewPolicy::AfterEachAttempt => "受験するたびに表示する",
                ReviewPolicy::WhenFinished => "合格したとき、または受験回数を使い切ったときに表示する",
                ReviewPolicy::Never => "表示しない（得点と合否のみ）",
            },
            |policy| match policy {
                ReviewPolicy::AfterEachAttempt => "After each attempt",
                ReviewPolicy::WhenFinished => "Once passed or out of attempts",
                ReviewPolicy::Never => "Never (score and result only)",
            },
        ),
        answers_withheld: fn(ReviewPolicy, bool) -> &'static str = (
            |policy, open| match policy {
                _ if open => "受験中は、これまでの受験の正解と解説を表示しません。",
                ReviewPolicy::Never => "このテストでは、正解と解説を表示しません。",
                _ => "正解と解説は、合格したとき、または受験できる回数を使い切ったときに表示します。",
            },
            |policy, open| match policy {
                _ if open => "While an attempt is open, the answers of earlier attempts are not shown.",
                ReviewPolicy::Never => "This quiz does not show the right answers or explanations.",
                _ => "The right answers and explanations are shown once you pass or have used every attempt.",
            },
        ),
        save_quiz_settings: &'static str = ("テストの設定を保存", "Save quiz settings"),
        import_questions_heading: &'static str = (
            "問題の取込み（問題プールを置き換えます）",
            "Import questions (replaces the pool)",
        ),
        import_format_label: &'static str = ("形式", "Format"),
        import_text_label: &'static str = (
            "問題（GIFT または Aiken 形式のテキストを貼り付け）",
            "Questions (paste GIFT or Aiken text)",
        ),
        import_questions_button: &'static str = ("取り込む", "Import"),
        replace_pool_question: fn(usize) -> String = (
            |n| format!("今の問題プール（{n} 問）をすべて置き換えますか？受験済みの解答はそのまま残ります。"),
            |n| format!("Replace the whole pool ({n} questions)? Attempts already made keep their questions."),
        ),
        questions_imported: fn(usize) -> String = (
            |n| format!("{n} 問を取り込みました。"),
            |n| format!("{n} questions imported."),
        ),
        questions_not_imported: &'static str = (
            "取り込めない問題があるため、何も取り込んでいません（行番号: 理由）。",
            "Nothing was imported: some questions cannot be used (line: reason).",
        ),
        import_file_heading: &'static str = (
            "問題ファイルの取込み（問題プールを置き換えます）",
            "Import a question file (replaces the pool)",
        ),
        question_file_label: &'static str = ("問題ファイル（UTF-8 のテキスト）", "Question file (UTF-8 text)"),
        import_file_button: &'static str = ("ファイルを取り込む", "Import the file"),
        question_file_error: fn(&str) -> &'static str = (
            |code| match code {
                "too_large" => "ファイルが大きすぎます（5 MB まで）。",
                "no_file" => "取り込むファイルを選んでください。",
                _ => "取り込めない問題があるため、何も取り込んでいません（行番号: 理由）。",
            },
            |code| match code {
                "too_large" => "The file is too large (5 MB at most).",
                "no_file" => "Choose a file to import.",
                _ => "Nothing was imported: some questions cannot be used (line: reason).",
            },
        ),
        export_gift: &'static str = ("問題を GIFT 形式でダウンロード", "Download the questions as GIFT"),
        export_json: &'static str = ("問題を JSON 形式でダウンロード", "Download the questions as JSON"),
        results_link: &'static str = (
            "確認テストの結果（問題別の正答率、受験者別の記録）",
            "Quiz results (correct rate per question, attempts per person)",
        ),
        results_heading: &'static str = ("確認テストの結果", "Quiz results"),
        results_title: fn(&str) -> String = (
            |module| format!("確認テストの結果：{module}"),
            |module| format!("Quiz results: {module}"),
        ),
        results_scope_divisions: &'static str = (
            "所管の課室の職員の結果だけを表示しています。",
            "Showing the results of the staff of your divisions only.",
        ),
        results_summary: fn(usize, usize, u32) -> String = (
            |tried, passed, pass_mark| {
                format!("受験者 {tried} 人、うち合格 {passed} 人（合格点 {pass_mark}%）。")
            },
            |tried, passed, pass_mark| {
                format!("{tried} people took the quiz; {passed} passed (pass mark {pass_mark} %).")
            },
        ),
        question_results_heading: &'static str = ("問題別の正答率", "Correct rate per question"),
        question_results_hint: &'static str = (
            "正答率の低い問題は、理解されていない規則を示しています。研修資料の見直しにお使いください。",
            "A low correct rate shows a rule that is misunderstood: a place to improve the materials.",
        ),
        question_results_caption: &'static str = (
            "問題ごとの解答数と正答率（提出済みの受験のみ）",
            "Answers and correct rate per question (submitted attempts only)",
        ),
        answered_count: &'static str = ("解答数", "Answered"),
        fully_right_count: &'static str = ("正答数", "Fully right"),
        correct_rate: &'static str = ("正答率", "Correct rate"),
        download_question_results: &'static str = (
            "問題別の正答率を CSV でダウンロード",
            "Download the correct rates as CSV",
        ),
        attempt_results_heading: &'static str = ("受験者別の記録", "Attempts per person"),
        attempt_results_caption: &'static str = (
            "提出された受験（職員番号順）",
            "Submitted attempts (by employee ID)",
        ),
        attempt_number: &'static str = ("回", "Attempt"),
        submitted_at: &'static str = ("提出日時", "Submitted"),
        pass_or_fail: &'static str = ("合否", "Result"),
        no_attempts_yet: &'static str = ("まだ提出された受験はありません。", "No attempt has been submitted yet."),
        download_attempt_results: &'static str = (
            "受験者別の記録を CSV でダウンロード",
            "Download the attempts as CSV",
        ),
    }
}

/// Why a change was refused, in the locale's language.
pub fn refusal(locale: super::Locale, reason: &QuizRefusal) -> String {
    match reason {
        QuizRefusal::PassMarkOver100 => say!(
            locale,
            "合格点は 100% 以下にしてください。",
            "The pass mark is at most 100 %.",
        ),
        QuizRefusal::Question { number, problem } => numbered_question(locale, *number, problem),
        QuizRefusal::Pool { errors } => super::common::line_errors(locale, errors),
        QuizRefusal::FormatUnknown { format } => say!(
            locale,
            "形式「{format}」は扱えません。GIFT、Aiken、JSON のいずれかにしてください。",
            "The format \"{format}\" is not known: use GIFT, Aiken or JSON.",
        ),
        QuizRefusal::CannotStart(refusal) => start_refusal(locale, *refusal),
        QuizRefusal::JustSubmitted => say!(
            locale,
            "この受験はたった今提出されました。結果をご確認ください。",
            "The attempt was just submitted: see its result.",
        ),
        QuizRefusal::NoTimeToExtend => say!(
            locale,
            "この受験には延長できる制限時間がありません。",
            "This attempt has no time to extend.",
        ),
        QuizRefusal::AnswerMalformed { answer } => say!(
            locale,
            "解答「{answer}」を読み取れません（問番号:選択肢番号 の形にしてください）。",
            "Answer \"{answer}\" is not QUESTION:OPTION.",
        ),
    }
}

/// Why a learner cannot start an attempt now.
pub fn start_refusal(locale: super::Locale, refusal: StartRefusal) -> String {
    let t = locale.texts();
    match refusal {
        StartRefusal::AlreadyPassed => t.quiz.already_passed.into(),
        StartRefusal::NoAttemptsLeft => t.quiz.no_attempts_left.into(),
        StartRefusal::Wait(until) => (t.quiz.wait_until)(&locale.date_time(until)),
        StartRefusal::NoQuestions => t.quiz.no_questions.into(),
    }
}

/// The problem of the `number`th question of a form or a file.
fn numbered_question(locale: super::Locale, number: usize, problem: &QuestionProblem) -> String {
    let problem = question_problem(locale, problem);
    say!(
        locale,
        "{number} 問目：{problem}",
        "Question {number}: {problem}"
    )
}

/// Why a line of an imported question file cannot be used.
pub(super) fn pool_problem(locale: super::Locale, problem: &PoolProblem) -> String {
    match problem {
        PoolProblem::Question(problem) => question_problem(locale, problem),
        PoolProblem::NumberedQuestion { number, problem } => {
            numbered_question(locale, *number, problem)
        }
        PoolProblem::NotUtf8 => say!(
            locale,
            "ファイルが UTF-8 ではありません。UTF-8 で保存してから取り込んでください。",
            "The file is not UTF-8: save it as UTF-8 and import it again.",
        ),
        PoolProblem::Json { detail } => say!(
            locale,
            "問題の一覧（JSON）として読めません（{detail}）。",
            "This is not a list of questions in JSON ({detail}).",
        ),
        PoolProblem::TitleNotClosed => say!(
            locale,
            "題名を閉じる :: がありません。",
            "The title has no closing ::.",
        ),
        PoolProblem::NoAnswers => say!(
            locale,
            "選択肢がありません。問題には {{…}} で選択肢を書きます。",
            "No answers: a question needs {{…}}.",
        ),
        PoolProblem::AnswersNotClosed => say!(
            locale,
            "選択肢を閉じる }} がありません。",
            "The answers have no closing }}.",
        ),
        PoolProblem::Unsupported { kind } => {
            let kind = unsupported_kind(locale, *kind);
            say!(
                locale,
                "{kind}の問題には対応していません。",
                "{kind} questions are not supported.",
            )
        }
        PoolProblem::AnswersUnmarked => say!(
            locale,
            "選択肢は = か ~ で始めてください。",
            "Answers must start with = or ~.",
        ),
        PoolProblem::WeightNotClosed => say!(
            locale,
            "配点を閉じる % がありません。",
            "A weight has no closing %.",
        ),
        PoolProblem::WeightNotANumber { raw } => say!(
            locale,
            "配点 %{raw}% が数値ではありません。",
            "Weight %{raw}% is not a number.",
        ),
        PoolProblem::OptionWithoutText { option } => say!(
            locale,
            "{option} 番目の選択肢に文がありません。",
            "Option {option} has no text.",
        ),
        PoolProblem::AnswerNotAnOption { letter } => say!(
            locale,
            "ANSWER の「{letter}」は選択肢にありません。",
            "ANSWER \"{letter}\" is not one of the options.",
        ),
        PoolProblem::OptionOutOfOrder { found, expected } => say!(
            locale,
            "{expected} の位置に {found} の選択肢があります。",
            "Option {found} comes where {expected} was expected.",
        ),
        PoolProblem::QuestionNotOnOneLine => say!(
            locale,
            "問題文は 1 行で書き、続けて A. B. … の選択肢を書いてください。",
            "The question must be on one line, followed by options A. B. …",
        ),
        PoolProblem::NotAnOption { text } => say!(
            locale,
            "「{text}」は選択肢（A. …）でも ANSWER: X でもありません。",
            "\"{text}\" is neither an option (A. …) nor ANSWER: X.",
        ),
        PoolProblem::NoAnswerLine => say!(
            locale,
            "ANSWER: の行がありません。",
            "The question has no ANSWER: line.",
        ),
    }
}

fn question_problem(locale: super::Locale, problem: &QuestionProblem) -> String {
    match problem {
        QuestionProblem::NoText => {
            say!(locale, "問題文がありません。", "The question has no text.")
        }
        QuestionProblem::NoTrueFalseAnswer => say!(
            locale,
            "○×問題には正解（○か×）が必要です。",
            "A true/false question needs its answer.",
        ),
        QuestionProblem::TooFewOptions => say!(
            locale,
            "選択肢は 2 つ以上必要です。",
            "A question needs at least two options.",
        ),
        QuestionProblem::NoRightOption => say!(
            locale,
            "完全な正解（= または配点 100%）の選択肢がありません。",
            "No option is fully right (=, or a weight of 100 %).",
        ),
        QuestionProblem::WeightsNot100 { total } => say!(
            locale,
            "正解の選択肢の配点の合計が {total}% です。100% にしてください。",
            "The right options' weights add up to {total} %, not 100 %.",
        ),
        QuestionProblem::WeightOutOfRange => say!(
            locale,
            "配点は -100% から 100% の間にしてください。",
            "Weights must be between -100 % and 100 %.",
        ),
    }
}

fn unsupported_kind(locale: super::Locale, kind: UnsupportedKind) -> String {
    match kind {
        UnsupportedKind::Essay => say!(locale, "記述式", "Essay"),
        UnsupportedKind::Numerical => say!(locale, "数値", "Numerical"),
        UnsupportedKind::Matching => say!(locale, "組合せ", "Matching"),
        UnsupportedKind::ShortAnswer => say!(locale, "短答", "Short answer"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Locale;
    use mamori_domain::csv::LineError;

    #[test]
    fn an_import_refusal_names_the_line_in_the_viewers_language() {
        let reason = QuizRefusal::Pool {
            errors: vec![LineError::new(
                4,
                PoolProblem::AnswerNotAnOption { letter: "C".into() },
            )],
        };
        assert_eq!(
            refusal(Locale::Ja, &reason),
            "4 行目：ANSWER の「C」は選択肢にありません。"
        );
        assert_eq!(
            refusal(Locale::En, &reason),
            "Line 4: ANSWER \"C\" is not one of the options."
        );
    }
}
