//! The training pages' texts: modules, materials, assignments, certificates.

use mamori_domain::{
    FiscalYear,
    media::UploadKind,
    training::{Choice, TrainingRefusal},
};

texts! {
    pub struct TrainingTexts {
        my_training_title: &'static str = ("マイ研修", "My training"),
        greeting: fn(&str) -> String = (
            |name| format!("{name} さん、こんにちは。"),
            |name| format!("Hello, {name}."),
        ),
        current_fiscal_year: &'static str = ("今年度", "This fiscal year"),
        no_training_yet: &'static str = (
            "現在、割り当てられている研修はありません。研修が割り当てられると、ここに表示されます。",
            "No training is assigned to you at the moment. Assigned training will appear here.",
        ),
        modules_title: &'static str = ("研修の作成・管理", "Training modules"),
        no_modules: &'static str = (
            "研修はまだありません。下のフォームから作成してください。",
            "No module yet. Start one with the form below.",
        ),
        new_module_heading: &'static str = ("新しい研修", "New module"),
        slug_label: &'static str = (
            "識別名（URL に使う英小文字・数字・ハイフン。例: removable-media）",
            "Slug (lower-case letters, digits and hyphens, used in the URL; e.g. removable-media)",
        ),
        slug_heading: &'static str = ("識別名", "Slug"),
        module_title_label: &'static str = ("題名", "Title"),
        summary_label: &'static str = ("概要", "Summary"),
        minutes_label: &'static str = ("所要時間の目安（分）", "Estimated time (minutes)"),
        create_module_button: &'static str = ("作成して編集する", "Create and edit"),
        status_draft: &'static str = ("下書き", "Draft"),
        status_published: fn(i32) -> String = (
            |v| format!("公開中（第{v}版）"),
            |v| format!("Published (version {v})"),
        ),
        status_archived: &'static str = ("アーカイブ済み", "Archived"),
        unpublished_changes: &'static str = ("未公開の変更があります", "has unpublished changes"),
        materials_heading: &'static str = ("資料", "Materials"),
        no_materials: &'static str = ("資料はまだありません。", "No material yet."),
        min_seconds_of: fn(i32) -> String = (
            |n| format!("最低閲覧時間 {n} 秒"),
            |n| format!("at least {n} s of reading"),
        ),
        add_page_heading: &'static str = ("ページを追加", "Add a page"),
        page_title_label: &'static str = ("ページの題名", "Page title"),
        markdown_label: &'static str = (
            "本文（Markdown: 見出しは ##、箇条書きは -、強調は **…**）",
            "Text (Markdown: ## headings, - lists, **bold**)",
        ),
        min_seconds_label: &'static str = ("最低閲覧時間（秒）", "Minimum reading time (seconds)"),
        add_page_button: &'static str = ("ページを追加", "Add page"),
        publish_heading: &'static str = ("公開", "Publish"),
        publish_hint: &'static str = (
            "公開すると、割り当てられた職員が受講できるようになります。受講を始めた職員は、その時点の版で受講を続けます。",
            "Once published, assigned staff can take it. People who already started keep the version they started.",
        ),
        publish_button: &'static str = ("この内容で公開する", "Publish this version"),
        assign_heading: &'static str = ("割当て（今年度）", "Assign (this fiscal year)"),
        everyone: &'static str = ("全職員", "Everyone"),
        due_label: &'static str = ("受講期限", "Due date"),
        assign_button: &'static str = ("割り当てる", "Assign"),
        no_assignments: &'static str = ("まだ割り当てていません。", "Not assigned yet."),
        assign_needs_publish: &'static str = (
            "割り当てるには、先に公開してください。",
            "Publish the module before assigning it.",
        ),
        back_to_modules: &'static str = ("研修の一覧に戻る", "Back to the modules"),
        target_label: &'static str = ("対象", "Who"),
        due_on: fn(&str) -> String = (|date| format!("受講期限: {date}"), |date| format!("Due {date}")),
        materials_viewed: fn(usize, usize) -> String = (
            |viewed, total| format!("資料 {total} 件中 {viewed} 件を確認済み"),
            |viewed, total| format!("{viewed} of {total} materials viewed"),
        ),
        about_minutes: fn(i32) -> String = (|n| format!("約{n}分"), |n| format!("about {n} min")),
        material_list: &'static str = ("資料の一覧", "Materials"),
        material_of: fn(usize, usize) -> String = (
            |i, n| format!("資料 {i} / {n}"),
            |i, n| format!("Material {i} of {n}"),
        ),
        previous_material: &'static str = ("前の資料", "Previous"),
        next_material: &'static str = ("次の資料", "Next"),
        viewed_mark: &'static str = ("確認済み", "viewed"),
        read_to_end: fn(i32) -> String = (
            |n| format!("最後までお読みください（{n} 秒以上表示すると確認済みになります）。"),
            |n| format!("Please read to the end (it counts as viewed after {n} s)."),
        ),
        seconds_left_and_end: fn(i64) -> String = (
            |n| format!("あと {n} 秒表示し、最後までスクロールすると確認済みになります。"),
            |n| format!("{n} s more on this page, and scrolled to the end, and it counts as viewed."),
        ),
        seconds_left: fn(i64) -> String = (
            |n| format!("あと {n} 秒で確認済みになります。"),
            |n| format!("{n} s more and it counts as viewed."),
        ),
        scroll_to_end: &'static str = (
            "最後までスクロールすると確認済みになります。",
            "Scroll to the end and it counts as viewed.",
        ),
        checking_view: &'static str = ("記録しています…", "Recording…"),
        material_viewed_now: &'static str = ("✓ この資料は確認済みです。", "✓ You have viewed this material."),
        module_completed_now: &'static str = (
            "この研修を修了しました。",
            "You have completed this module.",
        ),
        completed_on: fn(&str) -> String = (
            |date| format!("{date} に修了しました。"),
            |date| format!("Completed on {date}."),
        ),
        verification_code: &'static str = ("修了証番号", "Certificate number"),
        back_to_my_training: &'static str = ("マイ研修に戻る", "Back to my training"),
        needs_javascript: &'static str = (
            "資料の確認状況の記録には JavaScript が必要です。ブラウザの設定で有効にしてください。",
            "Recording what you have read needs JavaScript; please turn it on.",
        ),
        person_training_title: fn(&str) -> String = (
            |name| format!("{name} さんの研修の状況"),
            |name| format!("Training of {name}"),
        ),
        material_title: &'static str = ("資料", "Material"),
        first_view: &'static str = ("初回閲覧", "First view"),
        last_view: &'static str = ("最終閲覧", "Last view"),
        view_count: &'static str = ("閲覧回数", "Views"),
        active_time: &'static str = ("閲覧時間", "Time read"),
        seconds: fn(i32) -> String = (
            |s| format!("{}分{:02}秒", s / 60, s % 60),
            |s| format!("{}m {:02}s", s / 60, s % 60),
        ),
        back_to_training_by_person: &'static str = ("職員ごとの一覧に戻る", "Back to the list of staff"),
        certificate_title: &'static str = ("修了証", "Certificate of completion"),
        show_certificate: &'static str = ("修了証を表示", "Show the certificate"),
        certificate_text: fn(&str, &str) -> String = (
            |name, module| {
                format!("{name} 殿は、情報セキュリティ研修「{module}」を修了したことを証します。")
            },
            |name, module| {
                format!("This certifies that {name} has completed the security training \"{module}\".")
            },
        ),
        certificate_version: fn(i32) -> String = (
            |v| format!("研修の版: 第{v}版"),
            |v| format!("Training material version {v}"),
        ),
        certificate_fiscal_year: &'static str = ("年度", "Fiscal year"),
        completed_date: &'static str = ("修了日", "Completed on"),
        print_hint: &'static str = (
            "ブラウザの印刷機能（Ctrl+P）で印刷できます。",
            "Print it with the browser (Ctrl+P).",
        ),
        verify_label: &'static str = ("修了証番号（12 文字）", "Certificate number (12 characters)"),
        verify_button: &'static str = ("確認する", "Check"),
        verify_none: &'static str = ("この修了証番号の修了証はありません。", "No certificate has this number."),
        verify_found: &'static str = ("有効な修了証です。", "This certificate is genuine."),
        open_document: fn(&str) -> String = (
            |file| format!("資料を開く（{file}）"),
            |file| format!("Open the document ({file})"),
        ),
        captions_label: &'static str = ("日本語字幕", "Japanese captions"),
        video_unsupported: &'static str = (
            "このブラウザでは動画を再生できません。",
            "This browser cannot play the video.",
        ),
        open_to_view: &'static str = (
            "資料を開くと確認済みになります。",
            "It counts as viewed once you open the document.",
        ),
        watch_to_view: fn(i32) -> String = (
            |n| {
                format!(
                    "動画を {n}% 以上視聴すると確認済みになります。字幕は再生画面の字幕ボタンで切り替えられます。"
                )
            },
            |n| {
                format!(
                    "It counts as viewed once you have watched {n} % of the video. Captions can be switched on in the player."
                )
            },
        ),
        watched_so_far: fn(i32) -> String = (
            |n| format!("これまでに {n}% を視聴しました。"),
            |n| format!("You have watched {n} % so far."),
        ),
        material_kind_page: &'static str = ("ページ", "Page"),
        material_kind_document: &'static str = ("文書", "Document"),
        material_kind_video: &'static str = ("動画", "Video"),
        move_up: &'static str = ("上へ移動", "Move up"),
        move_down: &'static str = ("下へ移動", "Move down"),
        remove_material: &'static str = ("削除", "Remove"),
        edit_material_summary: &'static str = ("この資料を編集", "Edit this material"),
        description_label: &'static str = (
            "説明（Markdown・任意。画像や動画の内容を文字でも伝えます）",
            "Description (Markdown, optional; tells the content of an image or video in words)",
        ),
        save_button: &'static str = ("保存する", "Save"),
        material_added: &'static str = ("資料を追加しました。", "The material was added."),
        add_document_heading: &'static str = ("文書（PDF・画像）を追加", "Add a document (PDF or image)"),
        add_video_heading: &'static str = ("動画を追加", "Add a video"),
        material_title_label: &'static str = ("資料の題名", "Title"),
        document_file_label: &'static str = (
            "ファイル（PDF・PNG・JPEG・GIF・WebP、20 MB まで）",
            "File (PDF, PNG, JPEG, GIF or WebP, up to 20 MB)",
        ),
        video_file_label: &'static str = (
            "動画ファイル（MP4・WebM、500 MB まで）",
            "Video file (MP4 or WebM, up to 500 MB)",
        ),
        video_url_label: &'static str = (
            "または動画の URL（庁内の配信サーバなど。ファイルの代わりに指定します）",
            "Or the video's address (an internal streaming server, instead of a file)",
        ),
        captions_file_label: &'static str = (
            "字幕ファイル（WebVTT 形式の .vtt、必須）",
            "Captions (a WebVTT .vtt file, required)",
        ),
        add_document_button: &'static str = ("文書を追加", "Add document"),
        add_video_button: &'static str = ("動画を追加", "Add video"),
        module_details_heading: &'static str = ("研修の情報", "About the module"),
        save_details_button: &'static str = ("情報を保存", "Save"),
        archive_button: &'static str = ("アーカイブする", "Archive"),
        editor_parts: &'static str = ("編集する内容", "Parts of the module"),
        tab_materials: fn(usize) -> String = (|n| format!("資料（{n} 件）"), |n| format!("Materials ({n})")),
        tab_quiz: fn(usize) -> String = (|n| format!("確認テスト（{n} 問）"), |n| format!("Quiz ({n} questions)")),
        tab_publish: &'static str = ("公開と割当て", "Publishing and assignments"),
        days_from_today: fn(i64) -> String = (
            |n| match n {
                0 => "今日です。".to_string(),
                n if n < 0 => format!("{} 日前の日付です。", -n),
                n => format!("今日から {n} 日後です。"),
            },
            |n| match n {
                0 => "That is today.".to_string(),
                n if n < 0 => format!("That is {} days ago.", -n),
                1 => "That is tomorrow.".to_string(),
                n => format!("That is {n} days from today."),
            },
        ),
        assigned_people: fn(usize) -> String = (
            |n| format!("{n} 人に割り当てました（本日在籍の対象者。後から着任する人にも割り当てられます）。"),
            |n| format!("Assigned to {n} people on staff today (people who join later get it too)."),
        ),
        archive_question: &'static str = (
            "この研修をアーカイブしますか？受講者の一覧から消え、督促も止まります。",
            "Archive this module? Learners no longer see it, and its reminders stop.",
        ),
        archive_confirm: &'static str = ("アーカイブする", "Archive it"),
        publish_question: fn(i32) -> String = (
            |version| format!("この内容を第{version}版として公開しますか？割り当てられた職員が受講できるようになります。受講を始めた職員は、始めた版のまま受講します。"),
            |version| format!("Publish this as version {version}? Assigned staff can then take it; those who started keep the version they started."),
        ),
        publish_confirm: &'static str = ("公開する", "Publish"),
        remove_material_question: fn(&str) -> String = (
            |title| format!("「{title}」を下書きから削除しますか？"),
            |title| format!("Remove “{title}” from the draft?"),
        ),
        remove_material_confirm: &'static str = ("削除する", "Remove it"),
        material_removed: &'static str = ("資料を削除しました。", "The material was removed."),
        page_added: &'static str = ("ページを追加しました。", "The page was added."),
        archive_hint: &'static str = (
            "アーカイブすると受講者の一覧から消え、督促も止まります。受講記録は残り、公開し直すと戻ります。",
            "Archiving takes the module away from learners and stops its reminders. Records stay; publishing it again brings it back.",
        ),
        carry_over_button: &'static str = ("次年度へ繰り越す", "Carry over to next year"),
        target_legend: &'static str = ("対象", "Who"),
        target_divisions: &'static str = ("課を選ぶ", "Chosen divisions"),
        target_roles: &'static str = ("セキュリティ上の役割を選ぶ", "Chosen security roles"),
        target_groups: &'static str = ("自己点検の実施主体を選ぶ", "Chosen self-inspection groups"),
        due_legend: &'static str = ("受講期限の決め方", "Due date"),
        due_fixed: &'static str = ("全員同じ期日", "The same date for everyone"),
        due_joining: &'static str = (
            "着任から一定の日数以内（新しく着任した職員は着任日から数えます）",
            "Within a number of days of joining (new joiners count from their start)",
        ),
        within_days_label: &'static str = ("着任から何日以内", "Days from joining"),
        earliest_label: &'static str = (
            "期日（日数で決めるときは、これより早い期限にはなりません）",
            "Date (with days from joining, no one is due earlier than this)",
        ),
        grace_label: &'static str = (
            "遅れて着任した職員の猶予（着任日からの日数。期日まで残りがこれより短い職員に使います）",
            "Grace for late joiners (days from their start, for those the date leaves less time)",
        ),
        due_fixed_with_grace: fn(&str, u32) -> String = (
            |date, days| format!("{date}（着任が遅い職員は着任から{days}日以内）"),
            |date, days| format!("{date} (late joiners: within {days} days of their start)"),
        ),
        due_within: fn(u32, &str) -> String = (
            |days, date| format!("着任から{days}日以内（{date}より前にはならない）"),
            |days, date| format!("within {days} days of joining (not before {date})"),
        ),
        take_quiz: &'static str = ("確認テストを受ける", "Take the quiz"),
        my_mail_heading: &'static str = ("受け取ったお知らせメール", "Mail sent to you"),
        reminders_column: &'static str = ("督促", "Reminders"),
        reminders_default: &'static str = ("既定の方針", "Default policy"),
        reminders_own: &'static str = ("この割当て独自の方針", "Its own policy"),
        reminders_own_label: &'static str = (
            "この割当てには独自の方針を使う（外すと既定の方針に戻ります）",
            "Use a policy of its own for this assignment (clear to follow the default)",
        ),
    }
}

/// Why a change was refused, in the locale's language.
pub fn refusal(locale: super::Locale, reason: &TrainingRefusal) -> String {
    match reason {
        TrainingRefusal::MinutesOutOfRange { minutes, max } => say!(
            locale,
            "所要時間は 1～{max} 分で入力してください（入力：{minutes}）。",
            "The estimated time must be 1 to {max} minutes (entered: {minutes}).",
        ),
        TrainingRefusal::TitleEmpty => {
            say!(
                locale,
                "題名を入力してください。",
                "The title must not be empty."
            )
        }
        TrainingRefusal::SlugInvalid { slug } => say!(
            locale,
            "識別名「{slug}」は、英小文字・数字・ハイフン（先頭と末尾を除く）の 1〜64 文字にしてください。",
            "The slug \"{slug}\" must be 1 to 64 lower-case letters, digits and inner hyphens.",
        ),
        TrainingRefusal::SlugTaken { slug } => say!(
            locale,
            "識別名「{slug}」はすでに使われています。",
            "The slug {slug} is already taken.",
        ),
        TrainingRefusal::NoMaterials => say!(
            locale,
            "公開する前に資料を 1 つ以上追加してください。",
            "Add at least one material before publishing.",
        ),
        TrainingRefusal::ArchiveUnpublished => say!(
            locale,
            "アーカイブできるのは公開した研修だけです。",
            "Only a published module can be archived.",
        ),
        TrainingRefusal::AssignUnpublished => say!(
            locale,
            "割り当てる前に研修を公開してください。",
            "Publish the module before assigning it.",
        ),
        TrainingRefusal::NoOneChosen => say!(
            locale,
            "対象を選んでください。",
            "Choose who the module is for.",
        ),
        TrainingRefusal::AlreadyAssigned { slug, fiscal_year } => {
            let year = locale.fiscal_year(FiscalYear::new(*fiscal_year));
            say!(
                locale,
                "研修「{slug}」は{year}、この対象にすでに割り当てられています。",
                "{slug} is already assigned to them for {year}.",
            )
        }
        TrainingRefusal::PageTextEmpty => say!(
            locale,
            "ページの本文を入力してください。",
            "A page needs a text.",
        ),
        TrainingRefusal::WrongFileKind { file_name, kind } => {
            let kind = upload_kind(locale, *kind);
            say!(
                locale,
                "{file_name} は{kind}のファイルではありません。",
                "{file_name} is not a {kind} file.",
            )
        }
        TrainingRefusal::VideoLinkInvalid { link } => say!(
            locale,
            "動画の URL「{link}」は、http:// または https:// で始まるアドレスにしてください。",
            "The video's address \"{link}\" must start with http:// or https://.",
        ),
        TrainingRefusal::DueDateInvalid { date } => say!(
            locale,
            "期限「{date}」を日付（年-月-日）で入力してください。",
            "The due date \"{date}\" must be a date (YYYY-MM-DD).",
        ),
        TrainingRefusal::GraceOutOfRange { days, max } => say!(
            locale,
            "遅れて着任した職員の猶予は 0～{max} 日で入力してください（入力：{days}）。",
            "The grace for late joiners must be 0 to {max} days (entered: {days}).",
        ),
        TrainingRefusal::NoDays => say!(
            locale,
            "日数は 1 以上にしてください。",
            "The number of days must be at least 1.",
        ),
        TrainingRefusal::UnknownChoice { choice, value } => {
            let field = match choice {
                Choice::Direction => say!(locale, "移動の向き", "the direction"),
                Choice::Target => say!(locale, "対象", "the target"),
                Choice::Role => say!(locale, "セキュリティ上の役割", "the security role"),
                Choice::Group => say!(locale, "自己点検の実施主体", "the self-inspection group"),
                Choice::DueRule => say!(locale, "受講期限の決め方", "the due rule"),
            };
            say!(
                locale,
                "{field}に「{value}」は選べません。",
                "\"{value}\" is not a choice for {field}.",
            )
        }
    }
}

/// Why the upload route sent a trainer back to the editor (`?upload_error=CODE`), with the
/// video address they typed; the form's own rules are worded as the server functions' are.
pub fn upload_error(locale: super::Locale, code: &str, video_url: &str) -> String {
    match code {
        "title_missing" => refusal(locale, &TrainingRefusal::TitleEmpty),
        "link_invalid" => refusal(
            locale,
            &TrainingRefusal::VideoLinkInvalid {
                link: video_url.to_string(),
            },
        ),
        "file_missing" => say!(locale, "ファイルを選んでください。", "Choose a file."),
        "file_too_large" => say!(
            locale,
            "ファイルが大きすぎます（文書は 20 MB、動画は 500 MB まで）。",
            "The file is too large (documents up to 20 MB, videos up to 500 MB).",
        ),
        "file_wrong_type" => say!(
            locale,
            "この種類のファイルは追加できません。文書は PDF か画像、動画は MP4 か WebM にしてください。",
            "This kind of file cannot be added: documents must be PDF or images, videos MP4 or WebM.",
        ),
        "captions_missing" => say!(
            locale,
            "字幕ファイル（.vtt）を選んでください。動画には字幕が必要です。",
            "Choose a captions file (.vtt): videos need captions.",
        ),
        "captions_too_large" => say!(
            locale,
            "字幕ファイルが大きすぎます（1 MB まで）。",
            "The captions file is too large (up to 1 MB).",
        ),
        "captions_wrong_type" => say!(
            locale,
            "字幕ファイルは WebVTT 形式（先頭が WEBVTT）にしてください。",
            "Captions must be a WebVTT file (starting with WEBVTT).",
        ),
        _ => say!(
            locale,
            "追加できませんでした。もう一度お試しください。",
            "The material could not be added. Please try again.",
        ),
    }
}

fn upload_kind(locale: super::Locale, kind: UploadKind) -> String {
    match kind {
        UploadKind::Document => say!(locale, "文書（PDF か画像）", "document (PDF or image)"),
        UploadKind::Video => say!(locale, "動画（MP4 か WebM）", "video (MP4 or WebM)"),
        UploadKind::Captions => say!(locale, "字幕（WebVTT）", "captions (WebVTT)"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Locale;

    #[test]
    fn a_duplicate_assignment_names_the_fiscal_year_in_the_viewers_language() {
        let reason = TrainingRefusal::AlreadyAssigned {
            slug: "media".into(),
            fiscal_year: 2026,
        };
        assert_eq!(
            refusal(Locale::Ja, &reason),
            "研修「media」は令和8年度（2026年度）、この対象にすでに割り当てられています。"
        );
        assert_eq!(
            refusal(Locale::En, &reason),
            "media is already assigned to them for FY2026 (Reiwa 8)."
        );
    }
}
