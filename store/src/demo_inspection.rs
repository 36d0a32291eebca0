//! The demo agency's self-inspections: last fiscal year's, closed, with everyone's answers
//! (for the comparison across years), and this year's, open for answers from a week ago to
//! three weeks ahead, with some answers in. The demo accounts have not answered this year,
//! so that they can try it.

use crate::{
    Store, StoreError, demo_training::spread, entities::inspection_campaign,
    staff_import::ImportError, training::Whom,
};
use chrono::{DateTime, Duration, Utc};
use mamori_domain::{
    EmployeeId, FiscalYear, InspectionGroup, agency_date,
    inspection::{
        Answer,
        campaign::Schedule,
        files::{AnswerRow, ItemRow},
    },
    training::Slug,
};
use sea_orm::{EntityTrait, PaginatorTrait};

/// Items as in the annual report's Table 1: 8 for officers, 5 for system officers, 6 for
/// everyone. The last staff item is answered by the demo module on removable media.
const ITEMS: [(&str, InspectionGroup, &str); 19] = [
    (
        "O01",
        InspectionGroup::Officers,
        "所管する情報システムの情報セキュリティ対策の実施状況を把握している",
    ),
    (
        "O02",
        InspectionGroup::Officers,
        "職員に対する情報セキュリティ教育の受講状況を確認している",
    ),
    (
        "O03",
        InspectionGroup::Officers,
        "情報の格付けと取扱制限が適切に行われるよう指導している",
    ),
    (
        "O04",
        InspectionGroup::Officers,
        "外部委託先の情報セキュリティ対策の実施状況を確認している",
    ),
    (
        "O05",
        InspectionGroup::Officers,
        "障害・事故等の報告があった場合の連絡体制を整えている",
    ),
    (
        "O06",
        InspectionGroup::Officers,
        "可搬記憶媒体の利用を許可制としている",
    ),
    (
        "O07",
        InspectionGroup::Officers,
        "庁外での情報処理について許可と記録を行っている",
    ),
    (
        "O08",
        InspectionGroup::Officers,
        "自己点検の結果に基づき改善を指示している",
    ),
    (
        "Y01",
        InspectionGroup::System,
        "情報システムのアクセス記録を定期的に確認している",
    ),
    (
        "Y02",
        InspectionGroup::System,
        "ソフトウェアの脆弱性対策を速やかに行っている",
    ),
    (
        "Y03",
        InspectionGroup::System,
        "不要になったアカウントを速やかに削除している",
    ),
    (
        "Y04",
        InspectionGroup::System,
        "バックアップを取得し、復旧の手順を確認している",
    ),
    (
        "Y05",
        InspectionGroup::System,
        "機器の設定変更を記録している",
    ),
    (
        "S01",
        InspectionGroup::Staff,
        "離席時にはスクリーンロックを行っている",
    ),
    (
        "S02",
        InspectionGroup::Staff,
        "パスワードを他人に教えず、推測されにくいものにしている",
    ),
    (
        "S03",
        InspectionGroup::Staff,
        "要機密情報を含む電子メールは暗号化している",
    ),
    (
        "S04",
        InspectionGroup::Staff,
        "不審な電子メールの添付ファイルを開かず、報告している",
    ),
    (
        "S05",
        InspectionGroup::Staff,
        "格付けに応じた表示を付して情報を取り扱っている",
    ),
    (
        "S06",
        InspectionGroup::Staff,
        "可搬記憶媒体と庁外への持出しの研修を受講した",
    ),
];

const LINKED_MODULE: &str = "removable-media";

impl Store {
    /// Adds the demo self-inspections to a demo agency, once. Returns how many it added.
    pub async fn load_demo_inspection(&self, now: DateTime<Utc>) -> Result<usize, StoreError> {
        if inspection_campaign::Entity::find().count(self.db()).await? > 0 {
            return Ok(0);
        }
        let today = agency_date(now);
        let this_year = FiscalYear::containing(today);
        let last_year = FiscalYear::new(this_year.start_year() - 1);
        let closing = last_year.last_day();
        let last = Schedule::new(
            Some(closing - Duration::days(45)),
            Some(closing - Duration::days(15)),
        )
        .map_err(|e| StoreError::Corrupt(e.to_string()))?;
        let open = Schedule::new(
            Some(today - Duration::days(7)),
            Some(today + Duration::days(21)),
        )
        .map_err(|e| StoreError::Corrupt(e.to_string()))?;
        let demo_accounts: Vec<EmployeeId> = mamori_domain::demo::agency()
            .accounts
            .iter()
            .map(|a| a.employee_id.clone())
            .collect();
        for (year, schedule, linked) in [(last_year, last, false), (this_year, open, true)] {
            let items: Vec<ItemRow> = ITEMS
                .iter()
                .enumerate()
                .map(|(line, (code, group, text))| ItemRow {
                    line: line + 2,
                    item_id: code.to_string(),
                    group: *group,
                    text: text.to_string(),
                    module: (linked && *code == "S06")
                        .then(|| Slug::parse(LINKED_MODULE).ok())
                        .flatten(),
                })
                .collect();
            self.import_inspection_items(year, &items, None, false, now)
                .await
                .map_err(store_error)?;
            self.save_inspection_campaign(year, year.last_day(), schedule, now)
                .await?;
            let everyone = !linked;
            let mut answers = Vec::new();
            for (n, person) in self
                .people_on(year.last_day(), Whom::Everyone)
                .await?
                .iter()
                .enumerate()
            {
                let demo = demo_accounts.contains(&person.employee_id);
                // This year: demo accounts and three people in five have not answered yet.
                if !everyone && (demo || n % 5 < 3) {
                    continue;
                }
                let groups = InspectionGroup::of(&person.roles);
                for (i, (code, group, _)) in ITEMS.iter().enumerate() {
                    if !groups.contains(group) || (linked && *code == "S06") {
                        continue;
                    }
                    let answer = match (*group, spread(n, i)) {
                        (InspectionGroup::Staff, 0..=3) => Answer::No,
                        (_, 97..) => Answer::NotApplicable,
                        _ => Answer::Yes,
                    };
                    answers.push(AnswerRow {
                        line: answers.len() + 2,
                        employee_id: person.employee_id.clone(),
                        item_id: code.to_string(),
                        answer,
                    });
                }
            }
            self.import_inspection_answers(year, &answers, false, now)
                .await
                .map_err(store_error)?;
        }
        Ok(2)
    }
}

fn store_error(error: ImportError) -> StoreError {
    match error {
        ImportError::Store(error) => error,
        ImportError::Rows(rows) => StoreError::Corrupt(format!("demo inspection: {}", rows[0])),
    }
}
