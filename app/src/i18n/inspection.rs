//! The self-inspection pages' texts.

use mamori_domain::{
    FiscalYear, InspectionGroup,
    inspection::{InspectionRefusal, ItemChange, files::InspectionRowProblem},
    staff_file::StaffRowProblem,
};

texts! {
    pub struct InspectionTexts {
        nav: &'static str = ("自己点検", "Self-inspection"),
        nav_admin: &'static str = ("自己点検の管理", "Self-inspections"),
        title: &'static str = ("自己点検", "Self-inspection"),
        intro: &'static str = (
            "年に一度、所属する実施主体の遵守事項を実施しているかを回答します。研修の修了で自動的に回答される項目もあります。",
            "Once a year, say whether you carry out the compliance items of your groups. Some items are answered by completing training.",
        ),
        none_open: &'static str = (
            "回答できる自己点検はまだありません。",
            "No self-inspection is open for answers yet.",
        ),
        campaigns_caption: &'static str = ("自己点検の一覧", "Self-inspections"),
        year: &'static str = ("年度", "Fiscal year"),
        year_field: &'static str = ("年度（西暦で、年度の始まる年）", "Fiscal year (the year it starts)"),
        state: &'static str = ("状況", "State"),
        closes_on: &'static str = ("回答終了日", "Last day of answering"),
        opens_on: &'static str = ("回答開始日", "First day of answering"),
        period: &'static str = ("回答期間", "Answering period"),
        no_period: &'static str = ("未設定", "Not set"),
        reference_date: &'static str = ("基準日", "Reference date"),
        submission: &'static str = ("提出", "Submission"),
        answer_now: &'static str = ("回答する", "Answer"),
        view_answers: &'static str = ("回答を見る", "View answers"),
        results_link: &'static str = ("結果・提出状況", "Results and submissions"),
        submitted: &'static str = ("提出済み", "Submitted"),
        not_submitted: &'static str = ("未提出", "Not submitted"),
        submitted_at: fn(&str) -> String = (
            |at| format!("提出済み（{at}）"),
            |at| format!("Submitted ({at})"),
        ),
        back_to_list: &'static str = ("自己点検の一覧へ戻る", "Back to self-inspections"),
        sheet_title: fn(&str) -> String = (
            |year| format!("{year} 自己点検"),
            |year| format!("Self-inspection {year}"),
        ),
        submitted_now: &'static str = (
            "提出しました。回答は集計に含まれます。",
            "Submitted. Your answers now count in the figures.",
        ),
        draft_saved: &'static str = ("下書きを保存しました。", "Draft saved."),
        draft_after_submission: &'static str = (
            "提出の後に保存した下書きがあります。集計には提出済みの回答が含まれます。下書きの内容にするには「提出する」を押してください。",
            "You saved a draft after submitting. The figures use your submitted answers; press Submit to use the draft's.",
        ),
        pending: fn(&str, &str) -> String = (
            |year, due| format!("{year}の自己点検が未提出です（回答期限 {due}）。"),
            |year, due| format!("Your self-inspection for {year} is not submitted yet (due {due})."),
        ),
        draft_waiting: &'static str = (
            "下書きが保存されています。提出するまで集計には含まれません。",
            "A draft is saved. It counts in no figure until you submit.",
        ),
        sheet_hint: &'static str = (
            "すべての項目に回答して「提出する」を押してください。途中で「下書きを保存」もできます。提出後も回答期間中は変更でき、変更はすべて記録されます。",
            "Answer every item, then press Submit. You can save a draft on the way. After submitting you can change your answers until the period ends; every change is kept.",
        ),
        sheet_closed: &'static str = (
            "回答期間外のため、回答は表示のみです。",
            "Answering is closed: your answers are shown only.",
        ),
        save_draft: &'static str = ("下書きを保存", "Save draft"),
        submit: &'static str = ("提出する", "Submit"),
        derived_from: fn(&str) -> String = (
            |title| format!("（研修「{title}」の修了状況から自動で回答されます）"),
            |title| format!("(answered from your completion of the training \"{title}\")"),
        ),
        open_module: &'static str = ("研修を開く", "Open the training"),
        unanswered_mark: &'static str = ("未回答", "Not answered"),
        history: &'static str = ("回答の履歴", "History of your answers"),
        changed_at: &'static str = ("日時", "When"),
        source: &'static str = ("方法", "How"),
        source_form: &'static str = ("画面から提出", "Submitted in Mamori"),
        source_import: &'static str = ("ファイルから取込", "Imported from a file"),
        answers: &'static str = ("回答", "Answers"),
        admin_title: &'static str = ("自己点検の管理", "Self-inspections"),
        no_campaigns: &'static str = (
            "自己点検はまだありません。下のフォームで作成するか、コマンド mamori inspection items import で項目を取り込んでください。",
            "No self-inspection yet. Create one below, or import items with mamori inspection items import.",
        ),
        new_campaign: &'static str = ("新しい自己点検を作成", "New self-inspection"),
        item_count: &'static str = ("項目数", "Items"),
        response_count: &'static str = ("回答者数", "Respondents"),
        reference_hint: &'static str = (
            "対象者は基準日に在籍している職員です。空欄なら年度末日（3月31日）。",
            "Its target staff are those on staff on this day. Empty: the last day of the fiscal year (31 March).",
        ),
        period_hint: &'static str = (
            "回答開始日に対象者へお知らせメールが送られ、終了日まで未提出者にリマインドが届きます。",
            "On the first day the target staff get a notice by mail; those who have not submitted get reminders until the last day.",
        ),
        save_campaign: &'static str = ("日付を保存", "Save dates"),
        create_campaign: &'static str = ("作成する", "Create"),
        back_to_campaigns: &'static str = ("自己点検の管理へ戻る", "Back to self-inspections"),
        campaign_title: fn(&str) -> String = (
            |year| format!("{year} 自己点検の設定"),
            |year| format!("Self-inspection {year}: settings"),
        ),
        dates_heading: &'static str = ("基準日と回答期間", "Reference date and answering period"),
        items_heading: fn(usize) -> String = (
            |n| format!("遵守事項（{n} 項目）"),
            |n| format!("Compliance items ({n})"),
        ),
        items_file_heading: &'static str = (
            "遵守事項を items.csv から取り込む",
            "Import the items from items.csv",
        ),
        items_file_hint: &'static str = (
            "列は item_id,group,text,module（group は officers / system / staff、module は研修の識別名）。取込は項目一覧をすべて置き換えます。回答が1件でもあると置き換えできません。",
            "Columns item_id,group,text,module (group: officers, system or staff; module: a training module's slug). An import replaces every item, and is refused once anyone has answered.",
        ),
        items_imported: fn(&str) -> String = (
            |n| format!("{n} 項目を取り込みました。"),
            |n| format!("{n} items imported."),
        ),
        items_file_too_large: &'static str = (
            "items.csv が大きすぎます（1 MB まで）。",
            "items.csv is too large (1 MB at most).",
        ),
        items_file_missing: &'static str = (
            "items.csv のファイルを選んでください。",
            "Choose the items.csv file.",
        ),
        import_items: &'static str = ("取り込む", "Import"),
        replace_items_question: fn(usize) -> String = (
            |n| format!("今の {n} 項目をすべて、このファイルの項目に置き換えますか？"),
            |n| format!("Replace all {n} current items with the file's?"),
        ),
        items_file: &'static str = ("items.csv ファイル", "items.csv file"),
        no_items: &'static str = ("項目はまだありません。", "No items yet."),
        items_caption: &'static str = ("遵守事項の一覧", "Compliance items"),
        item_code: &'static str = ("項目", "Item"),
        group: &'static str = ("実施主体", "Group"),
        item_text: &'static str = ("遵守事項", "Compliance item"),
        linked_module: &'static str = ("回答する研修", "Answered by training"),
        results_title: &'static str = ("自己点検の結果", "Self-inspection results"),
        results_heading: fn(&str) -> String = (
            |year| format!("{year} 自己点検の結果"),
            |year| format!("Self-inspection {year}: results"),
        ),
        figures_heading: &'static str = (
            "把握率・対策実施率・到達率",
            "Coverage, implementation and attainment",
        ),
        coverage: &'static str = ("把握率", "Coverage"),
        coverage_counts: fn(usize, usize) -> String = (
            |target, submitted| format!("（対象 {target} 人中 {submitted} 人提出）"),
            |target, submitted| {
                format!("({submitted} of {target} target staff submitted)")
            },
        ),
        table1_caption: &'static str = ("表１ 実施主体別の到達率", "Table 1: attainment by group"),
        target: &'static str = ("対象者数", "Target staff"),
        submitted_count: &'static str = ("提出者数", "Submitted"),
        implementation_rate: &'static str = ("対策実施率", "Implementation rate"),
        attainment: fn(u32) -> String = (|x| format!("到達率（{x}）"), |x| format!("Attainment ({x})")),
        item_shares_heading: &'static str = ("項目別の実施率", "Share of each item"),
        item_shares_hint: &'static str = (
            "実施率 = 実施している人 ÷（対象者 − 該当しない人）。未提出者は実施していないものとして数えます。",
            "Share = carried out ÷ (target staff − not applicable). People who have not submitted count as not carrying it out.",
        ),
        item_share: &'static str = ("実施率", "Share"),
        by_year_heading: &'static str = ("年度別の推移", "Year by year"),
        rate_of: fn(&str) -> String = (
            |group| format!("対策実施率（{group}）"),
            |group| format!("Implementation ({group})"),
        ),
        attainment_of: fn(&str) -> String = (
            |group| format!("到達率100（{group}）"),
            |group| format!("Attainment 100 ({group})"),
        ),
        status_heading: &'static str = ("課別の提出状況", "Submissions by division"),
        division: &'static str = ("課", "Division"),
        submission_rate: &'static str = ("提出率", "Submitted (%)"),
        non_submitters_heading: fn(usize) -> String = (
            |n| format!("未提出者（{n} 人）"),
            |n| format!("Not submitted ({n})"),
        ),
        non_submitters_caption: &'static str = (
            "未提出者の一覧（課、職員番号の順）",
            "People who have not submitted, by division and employee ID",
        ),
        non_submitters_more: fn(usize) -> String = (
            |n| {
                format!("ほか {n} 人（画面には最初の一部のみ表示。全員はダウンロードでご覧ください）")
            },
            |n| {
                format!("and {n} more (the page shows the first ones only; download the list for everyone)")
            },
        ),
        everyone_submitted: &'static str = ("全員が提出しました。", "Everyone has submitted."),
        employee_id: &'static str = ("職員番号", "Employee ID"),
        name: &'static str = ("氏名", "Name"),
        answered_of: &'static str = ("回答済み / 必要な項目", "Answered / items to answer"),
        add_item: &'static str = ("項目を追加", "Add an item"),
        add_item_button: &'static str = ("追加する", "Add"),
        edit_item: &'static str = ("編集", "Edit"),
        save_item: &'static str = ("項目を保存", "Save item"),
        remove_item: &'static str = ("削除", "Remove"),
        no_module: &'static str = ("（研修と連動しない）", "(not answered by training)"),
        items_hint: &'static str = (
            "回答が1件でもあると、項目の追加・削除と研修の連動の変更はできません（文言の修正はできます）。",
            "Once anyone has answered, items can no longer be added, removed or linked to another module (their wording can still be mended).",
        ),
    }
}

/// Why a change was refused, in the locale's language.
pub fn refusal(locale: super::Locale, reason: &InspectionRefusal) -> String {
    use InspectionRefusal::*;
    let year = |fiscal_year: &i32| locale.fiscal_year(FiscalYear::new(*fiscal_year));
    match reason {
        NotOpen { fiscal_year } => {
            let year = year(fiscal_year);
            say!(
                locale,
                "{year}の自己点検は回答期間外です。",
                "The self-inspection of {year} is not open for answers.",
            )
        }
        BadYear { fiscal_year } => say!(
            locale,
            "年度は 2000〜2100 の数字で入力してください（{fiscal_year} は使えません）。",
            "Give the fiscal year as a number from 2000 to 2100 (not {fiscal_year}).",
        ),
        BadDate { text } => say!(
            locale,
            "日付「{text}」を読み取れません（YYYY-MM-DD）。",
            "The date \"{text}\" cannot be read (YYYY-MM-DD).",
        ),
        PeriodReversed {
            opens_on,
            closes_on,
        } => {
            let (opens_on, closes_on) = (locale.date(*opens_on), locale.date(*closes_on));
            say!(
                locale,
                "回答期間の開始日（{opens_on}）が終了日（{closes_on}）より後です。",
                "The answering period opens on {opens_on}, after it closes on {closes_on}.",
            )
        }
        PeriodHalfGiven => say!(
            locale,
            "回答期間は開始日と終了日の両方を入力してください（両方空欄なら未設定）。",
            "Give both the first and the last day of answering (or leave both empty).",
        ),
        ReferenceOutsideYear { date, fiscal_year } => {
            let (date, year) = (locale.date(*date), year(fiscal_year));
            say!(
                locale,
                "基準日（{date}）は{year}の中（4月1日〜翌年3月31日）の日付にしてください。",
                "The reference date ({date}) must be inside {year} (1 April to 31 March).",
            )
        }
        BadAnswer { entry } => say!(
            locale,
            "回答「{entry}」を読み取れません。",
            "The answer \"{entry}\" cannot be read.",
        ),
        Unanswered { codes } => {
            let codes = codes.join(", ");
            say!(
                locale,
                "未回答の項目があります（{codes}）。すべて回答してから提出してください。下書きとしては保存できます。",
                "Some items have no answer ({codes}). Answer them all before submitting; you can save a draft meanwhile.",
            )
        }
        NotYourItem { code } => say!(
            locale,
            "項目 {code} はあなたの回答する項目ではありません。",
            "Item {code} is not one of your items.",
        ),
        NoGroup => say!(locale, "実施主体を選んでください。", "Choose the group."),
        ItemIncomplete => say!(
            locale,
            "項目には ID と本文が必要です。",
            "An item needs its ID and its text.",
        ),
        ItemExists { code } => say!(
            locale,
            "項目 {code} はすでにあります。",
            "Item {code} already exists.",
        ),
        UnknownModule { slug } => say!(
            locale,
            "研修「{slug}」はありません。",
            "There is no module {slug}.",
        ),
        ItemsFixed {
            fiscal_year,
            change,
        } => {
            let year = year(fiscal_year);
            let (ja, en) = match change {
                ItemChange::Replaced => ("置き換え", "replaced"),
                ItemChange::Added => ("追加", "added"),
                ItemChange::Relinked => ("研修の変更", "linked to another module"),
                ItemChange::Removed => ("削除", "removed"),
            };
            say!(
                locale,
                "{year}はすでに回答があるため、項目の{ja}はできません。",
                "{year} already has answers: its items can no longer be {en}.",
            )
        }
    }
}

/// Why a row of `items.csv` or `answers.csv` is refused.
pub fn file_row(locale: super::Locale, problem: &InspectionRowProblem) -> String {
    match problem {
        InspectionRowProblem::NoItemId => say!(
            locale,
            "item_id（項目番号）を入力してください。",
            "item_id must not be empty.",
        ),
        InspectionRowProblem::ItemIdTwice {
            item_id,
            first_line,
        } => say!(
            locale,
            "項目 {item_id} は {first_line} 行目にもあります。",
            "item_id {item_id} is also on line {first_line}.",
        ),
        InspectionRowProblem::UnknownGroup { value } => say!(
            locale,
            "グループ「{value}」は不明です（officers、system、staff のいずれかです）。",
            "Unknown group \"{value}\" (officers, system or staff).",
        ),
        InspectionRowProblem::NoText => say!(
            locale,
            "text（項目の文言）を入力してください。",
            "text must not be empty.",
        ),
        InspectionRowProblem::BadModule { value } => say!(
            locale,
            "module の「{value}」は、英小文字・数字・内側のハイフンからなる1〜64文字の研修 ID ではありません。",
            "module \"{value}\" must be 1 to 64 lower-case letters, digits and inner hyphens.",
        ),
        // The same rule as staff.csv's employee IDs, in the same words.
        InspectionRowProblem::BadEmployeeId { value } => super::directory::staff_row(
            locale,
            &StaffRowProblem::BadEmployeeId {
                value: value.clone(),
            },
        ),
        InspectionRowProblem::UnknownAnswer { value } => say!(
            locale,
            "回答「{value}」は不明です（yes、no、na のいずれかです）。",
            "Unknown answer \"{value}\" (yes, no or na).",
        ),
        InspectionRowProblem::AnsweredTwice {
            employee_id,
            item_id,
            first_line,
        } => say!(
            locale,
            "{employee_id} は {first_line} 行目でも {item_id} に回答しています。",
            "{employee_id} already answered {item_id} on line {first_line}.",
        ),
        InspectionRowProblem::UnknownModule { module } => say!(
            locale,
            "研修 {module} はありません。",
            "Module {module} does not exist.",
        ),
        InspectionRowProblem::NotOnStaff {
            employee_id,
            reference_date,
        } => {
            let date = locale.date(*reference_date);
            say!(
                locale,
                "{employee_id} は基準日（{date}）に在籍していません。",
                "{employee_id} is not on staff on the reference date {date}.",
            )
        }
        InspectionRowProblem::UnknownItem { item_id } => say!(
            locale,
            "項目 {item_id} はありません。",
            "Unknown item {item_id}.",
        ),
        InspectionRowProblem::AnsweredByModule { item_id, module } => say!(
            locale,
            "項目 {item_id} は研修 {module} の修了で回答されます。",
            "Item {item_id} is answered by the training module {module}.",
        ),
        InspectionRowProblem::NotInGroup {
            employee_id,
            group,
            item_id,
        } => {
            let group = group
                .parse::<InspectionGroup>()
                .map_or(group.clone(), |g| locale.inspection_group(g).to_string());
            say!(
                locale,
                "{employee_id} は項目 {item_id} のグループ（{group}）に属していません。",
                "{employee_id} is not in the group {group} of item {item_id}.",
            )
        }
    }
}
