//! The reports' texts: completion, material views, transcripts.

use mamori_domain::report::materials::NOT_OPENED_LISTED;

texts! {
    pub struct ReportTexts {
        my_divisions_title: &'static str = ("所属職員の状況", "Staff of my divisions"),
        managed_divisions: &'static str = ("担当する課", "Divisions you manage"),
        staff_count: fn(usize) -> String = (|n| format!("{n} 名"), |n| format!("{n} staff")),
        staff_grid_title: &'static str = ("職員ごとの受講状況", "Training by person"),
        grid_summary_caption: &'static str = (
            "研修ごとの受講期限と状況（人数を選ぶと該当者の一覧）",
            "Each module's due date and standing (a number lists the people)",
        ),
        by_person: &'static str = ("職員別", "By person"),
        people_assigned: &'static str = ("対象者", "Assigned"),
        people_listed: fn(usize, usize) -> String = (
            |listed, all| format!("{all} 人中 {listed} 人を表示しています。"),
            |listed, all| format!("Showing {listed} of {all} people."),
        ),
        show_everyone: &'static str = ("全員", "Everyone"),
        show_unfinished: &'static str = ("未修了の研修がある人", "People with a module to finish"),
        show_overdue: &'static str = ("期限を過ぎた研修がある人", "People past a due date"),
        training_grid_caption: &'static str = ("研修の受講状況", "Training status"),
        not_assigned: &'static str = ("対象外", "not assigned"),
        title: &'static str = ("研修の受講状況", "Training completion"),
        scope_divisions: &'static str = (
            "所管の課室の職員（基準日の所属）だけを表示しています。",
            "Showing the staff of your divisions (as of the date viewed) only.",
        ),
        as_of: fn(&str, &str) -> String = (
            |year, on| format!("{year}、{on}時点"),
            |year, on| format!("{year}, as of {on}"),
        ),
        nothing_assigned: &'static str = (
            "この年度・基準日に割り当てられた研修はありません。",
            "Nothing was assigned for this year on this date.",
        ),
        curve_heading: &'static str = ("修了率の推移", "Completion over the year"),
        curve_caption: fn(&str) -> String = (
            |year| format!("{year}の修了率の推移（週ごと）。縦の破線は受講期限。"),
            |year| {
                format!("Share completed week by week in {year}; dashed lines mark due dates.")
            },
        ),
        curve_line: &'static str = ("修了率", "Share completed"),
        curve_due: &'static str = ("受講期限", "Due date"),
        data_table: &'static str = ("データの表", "Data table"),
        all_people: &'static str = ("対象者をすべて一覧する", "List everyone"),
        totals: &'static str = ("全体の状況", "Overall"),
        // Person × module: one person with three modules counts three times.
        assignments: &'static str = ("対象（延べ人数）", "Assigned (person-modules)"),
        transcript_link: &'static str = ("受講履歴（年度ごとの研修と修了）", "Transcript (modules and completion by year)"),
        material_views_link: &'static str = ("資料ごとの閲覧状況", "Views of each material"),
        chart_caption: fn(&str) -> String = (
            |heading| format!("{heading}（帯グラフ。数値は下の表のとおり）"),
            |heading| {
                format!("{heading} (bar chart; the table below gives the figures)")
            },
        ),
        material_views: &'static str = ("資料の閲覧状況", "Material views"),
        quiz_results: &'static str = ("確認テストの結果", "Quiz results"),
        details: &'static str = ("詳細", "Details"),
        date: &'static str = ("日付", "Date"),
        completion_rate: &'static str = ("修了率", "Completion rate"),
        by_division: &'static str = ("所属別", "By division"),
        by_role: &'static str = ("セキュリティ上の役割別", "By security role"),
        by_group: &'static str = ("自己点検の実施主体別", "By self-inspection group"),
        by_module: &'static str = ("研修別", "By module"),
        by_year: &'static str = ("年度別", "By fiscal year"),
        role: &'static str = ("役割", "Role"),
        group: &'static str = ("実施主体", "Group"),
        module: &'static str = ("研修", "Module"),
        people_title: &'static str = ("対象者の一覧", "People"),
        back_to_reports: &'static str = ("受講状況に戻る", "Back to completion"),
        matching: fn(usize) -> String = (|n| format!("該当 {n} 件"), |n| format!("{n} matching")),
        no_people: &'static str = ("条件に合う対象者はいません。", "Nobody matches."),
        due: &'static str = ("受講期限", "Due"),
        completed_on: &'static str = ("修了日", "Completed on"),
        counted_under: fn(&str) -> String = (
            |key| format!("絞り込み: {key}"),
            |key| format!("Counted under: {key}"),
        ),
        remove_filter: &'static str = ("この条件を外す", "Remove"),
        any: &'static str = ("すべて", "All"),
        late_only: &'static str = (
            "期限を過ぎても修了していない（遅れて修了を含む）",
            "Past due without completing by then (late completions too)",
        ),
        filter: &'static str = ("絞り込む", "Filter"),
        on_label: &'static str = ("基準日", "As of"),
        show: &'static str = ("表示する", "Show"),
        print_page: &'static str = ("印刷する", "Print"),
        material_views_title: fn(&str) -> String = (
            |title| format!("資料の閲覧状況: {title}"),
            |title| format!("Material views: {title}"),
        ),
        material_learners: fn(&str, usize) -> String = (
            |year, n| format!("{year}の対象者 {n} 人"),
            |year, n| format!("{n} learners assigned in {year}"),
        ),
        material_table: &'static str = ("資料ごとの閲覧者と学習時間", "Openings and active time per material"),
        version: &'static str = ("版", "Version"),
        material: &'static str = ("資料", "Material"),
        kind: &'static str = ("種類", "Kind"),
        opened: &'static str = ("閲覧者", "Opened"),
        not_opened: &'static str = ("未閲覧者", "Not opened"),
        opened_rate: &'static str = ("閲覧率", "Opened rate"),
        median_time: &'static str = ("学習時間の中央値（分:秒）", "Median active time (m:ss)"),
        not_opened_heading: &'static str = ("まだ開いていない人", "Who has not opened them"),
        not_opened_summary: fn(&str, i32) -> String = (
            |title, version| format!("{title}（第{version}版）"),
            |title, version| format!("{title} (version {version})"),
        ),
        not_opened_more: fn(usize) -> String = (
            |n| {
                format!("ほか {n} 人（名前は職員番号順に最初の {NOT_OPENED_LISTED} 人まで表示）")
            },
            |n| {
                format!("and {n} more (only the first {NOT_OPENED_LISTED} by employee ID are named)")
            },
        ),
        transcript_title: fn(&str) -> String = (
            |name| format!("受講履歴: {name}"),
            |name| format!("Transcript: {name}"),
        ),
        transcript_caption: &'static str = ("年度ごとの研修と修了", "Modules and completion by fiscal year"),
        completed_at: &'static str = ("修了日時", "Completed at"),
        certificate: &'static str = ("修了証番号", "Certificate"),
        quiz_attempts: &'static str = ("確認テスト", "Quiz attempts"),
        transcript_attempt: fn(i32, &str, &str, &str) -> String = (
            |n, score, result, at| format!("第{n}回 {score}% {result}（{at}）"),
            |n, score, result, at| format!("#{n}: {score}% {result} ({at})"),
        ),
    }
}
