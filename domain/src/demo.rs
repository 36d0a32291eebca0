//! The demo agency: 消費者庁 as its FY2011 annual report describes it (organization.md) —
//! nine divisions, 361 staff, the security roles of 図１ — with generated Japanese names.
//! Pure data, so that the store only has to save it.

use crate::{AppRole, EmailAddress, EmployeeId, SecurityRole, StaffName};
use chrono::NaiveDate;

/// The nine divisions, in the report's order, with their demo head counts (361 in all).
pub const DIVISIONS: [(&str, usize); 9] = [
    ("総務課", 60),
    ("消費者政策課", 40),
    ("消費者制度課", 35),
    ("消費生活情報課", 35),
    ("地方協力課", 30),
    ("消費者安全課", 45),
    ("取引対策課", 40),
    ("表示対策課", 40),
    ("食品表示課", 36),
];

/// The password of every demo account; listed on the login page in demo mode only.
pub const DEMO_PASSWORD: &str = "mamori-demo";

#[derive(Debug, Clone)]
pub struct DemoStaff {
    pub employee_id: EmployeeId,
    pub name: StaffName,
    pub email: EmailAddress,
    pub division: &'static str,
    /// 役職, shown for the demo accounts only.
    pub title: &'static str,
    pub security_roles: Vec<SecurityRole>,
    pub active_from: NaiveDate,
}

/// A demo staff member who gets a password and application roles.
#[derive(Debug, Clone)]
pub struct DemoAccount {
    pub employee_id: EmployeeId,
    pub app_roles: Vec<AppRole>,
    /// Divisions this account manages (for the manager role).
    pub managed_divisions: Vec<&'static str>,
}

pub struct DemoAgency {
    pub staff: Vec<DemoStaff>,
    pub accounts: Vec<DemoAccount>,
}

const SURNAMES: [(&str, &str); 40] = [
    ("佐藤", "sato"),
    ("鈴木", "suzuki"),
    ("高橋", "takahashi"),
    ("田中", "tanaka"),
    ("伊藤", "ito"),
    ("渡辺", "watanabe"),
    ("山本", "yamamoto"),
    ("中村", "nakamura"),
    ("小林", "kobayashi"),
    ("加藤", "kato"),
    ("吉田", "yoshida"),
    ("山田", "yamada"),
    ("佐々木", "sasaki"),
    ("山口", "yamaguchi"),
    ("松本", "matsumoto"),
    ("井上", "inoue"),
    ("木村", "kimura"),
    ("林", "hayashi"),
    ("斎藤", "saito"),
    ("清水", "shimizu"),
    ("山崎", "yamazaki"),
    ("森", "mori"),
    ("池田", "ikeda"),
    ("橋本", "hashimoto"),
    ("阿部", "abe"),
    ("石川", "ishikawa"),
    ("山下", "yamashita"),
    ("中島", "nakajima"),
    ("石井", "ishii"),
    ("小川", "ogawa"),
    ("前田", "maeda"),
    ("岡田", "okada"),
    ("長谷川", "hasegawa"),
    ("藤田", "fujita"),
    ("後藤", "goto"),
    ("近藤", "kondo"),
    ("村上", "murakami"),
    ("遠藤", "endo"),
    ("青木", "aoki"),
    ("坂本", "sakamoto"),
];

const GIVEN_NAMES: [(&str, &str); 41] = [
    ("太郎", "taro"),
    ("花子", "hanako"),
    ("健一", "kenichi"),
    ("美咲", "misaki"),
    ("大輔", "daisuke"),
    ("陽子", "yoko"),
    ("誠", "makoto"),
    ("由美", "yumi"),
    ("翔太", "shota"),
    ("恵子", "keiko"),
    ("拓也", "takuya"),
    ("直子", "naoko"),
    ("浩二", "koji"),
    ("真由美", "mayumi"),
    ("亮", "ryo"),
    ("智子", "tomoko"),
    ("隆", "takashi"),
    ("裕子", "yuko"),
    ("和也", "kazuya"),
    ("久美子", "kumiko"),
    ("剛", "tsuyoshi"),
    ("明美", "akemi"),
    ("修", "osamu"),
    ("香織", "kaori"),
    ("学", "manabu"),
    ("幸子", "sachiko"),
    ("聡", "satoshi"),
    ("綾", "aya"),
    ("一郎", "ichiro"),
    ("麻衣", "mai"),
    ("正樹", "masaki"),
    ("千尋", "chihiro"),
    ("達也", "tatsuya"),
    ("紀子", "noriko"),
    ("哲也", "tetsuya"),
    ("優子", "yuko"),
    ("健太", "kenta"),
    ("沙織", "saori"),
    ("雅人", "masato"),
    ("舞", "mai"),
    ("悠真", "yuma"),
];

/// Start dates spread over the agency's life: founded 2009-09-01, yearly April intakes after.
fn active_from(index: usize) -> NaiveDate {
    if index.is_multiple_of(3) {
        NaiveDate::from_ymd_opt(2009, 9, 1).expect("valid date")
    } else {
        let year = 2010 + (index % 17) as i32;
        NaiveDate::from_ymd_opt(year, 4, 1).expect("valid date")
    }
}

struct Post {
    division: &'static str,
    title: &'static str,
    roles: &'static [SecurityRole],
}

/// The posts of 図１, filled first so that the officers have the lowest employee IDs.
fn officer_posts() -> Vec<Post> {
    use SecurityRole::*;
    let mut posts = vec![
        Post {
            division: "総務課",
            title: "消費者庁次長",
            roles: &[Ciso],
        },
        Post {
            division: "総務課",
            title: "CIO補佐官",
            roles: &[CisoAdvisor],
        },
        Post {
            division: "総務課",
            title: "審議官（企画調整担当）",
            roles: &[AuditOfficer],
        },
        Post {
            division: "総務課",
            title: "総務課長",
            roles: &[
                ChiefSecurityOfficer,
                SecurityOfficer,
                DivisionSecurityOfficer,
                SystemSecurityOfficer,
            ],
        },
    ];
    for (division, _) in DIVISIONS.iter().skip(1) {
        posts.push(Post {
            division,
            title: division_head_title(division),
            roles: &[SecurityOfficer, DivisionSecurityOfficer],
        });
    }
    posts.push(Post {
        division: "総務課",
        title: "総務課 課長補佐",
        roles: &[SystemSecurityAdministrator],
    });
    posts
}

fn division_head_title(division: &str) -> &'static str {
    match division {
        "総務課" => "総務課長",
        "消費者政策課" => "消費者政策課長",
        "消費者制度課" => "消費者制度課長",
        "消費生活情報課" => "消費生活情報課長",
        "地方協力課" => "地方協力課長",
        "消費者安全課" => "消費者安全課長",
        "取引対策課" => "取引対策課長",
        "表示対策課" => "表示対策課長",
        "食品表示課" => "食品表示課長",
        _ => "課長",
    }
}

pub fn agency() -> DemoAgency {
    let mut divisions: Vec<&'static str> = Vec::new();
    let mut titles: Vec<&'static str> = Vec::new();
    let mut roles: Vec<Vec<SecurityRole>> = Vec::new();
    for post in officer_posts() {
        divisions.push(post.division);
        titles.push(post.title);
        roles.push(post.roles.to_vec());
    }
    // Fill each division up to its head count with plain staff.
    for (division, head_count) in DIVISIONS {
        let already = divisions.iter().filter(|d| **d == division).count();
        for _ in already..head_count {
            divisions.push(division);
            titles.push("係員");
            roles.push(Vec::new());
        }
    }

    let mut used_emails = std::collections::HashSet::new();
    let staff = divisions
        .into_iter()
        .zip(titles)
        .zip(roles)
        .enumerate()
        .map(|(index, ((division, title), mut security_roles))| {
            // Coprime strides give a varied but repeatable mix of names.
            let (surname, surname_roman) = SURNAMES[(index * 7 + 3) % SURNAMES.len()];
            let (given, given_roman) = GIVEN_NAMES[(index * 11 + 5) % GIVEN_NAMES.len()];
            let mut local = format!("{given_roman}.{surname_roman}");
            let mut suffix = 2;
            while !used_emails.insert(local.clone()) {
                local = format!("{given_roman}.{surname_roman}{suffix}");
                suffix += 1;
            }
            security_roles.push(SecurityRole::Staff);
            DemoStaff {
                employee_id: EmployeeId::parse(&format!("E{:04}", index + 1)).expect("valid id"),
                name: StaffName::parse(&format!("{surname} {given}")).expect("valid name"),
                email: EmailAddress::parse(&format!("{local}@caa.example")).expect("valid email"),
                division,
                title,
                security_roles,
                active_from: active_from(index),
            }
        })
        .collect();

    let id = |raw: &str| EmployeeId::parse(raw).expect("valid id");
    let accounts = vec![
        // 総務課 課長補佐, who runs the system: the administrator.
        DemoAccount {
            employee_id: id("E0013"),
            app_roles: vec![AppRole::Admin],
            managed_divisions: vec![],
        },
        // 消費者安全課長 manages their own division.
        DemoAccount {
            employee_id: id("E0009"),
            app_roles: vec![AppRole::Manager],
            managed_divisions: vec!["消費者安全課"],
        },
        // A 総務課 staff member who prepares the training.
        DemoAccount {
            employee_id: id("E0020"),
            app_roles: vec![AppRole::Trainer],
            managed_divisions: vec![],
        },
        // A staff member of 消費者安全課.
        DemoAccount {
            employee_id: id("E0210"),
            app_roles: vec![],
            managed_divisions: vec![],
        },
    ];
    DemoAgency { staff, accounts }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn the_demo_agency_matches_the_annual_report() {
        let agency = agency();
        assert_eq!(agency.staff.len(), 361, "実員 361");
        for (division, head_count) in DIVISIONS {
            let members = agency
                .staff
                .iter()
                .filter(|s| s.division == division)
                .count();
            assert_eq!(members, head_count, "{division}");
        }
        let holders = |role| {
            agency
                .staff
                .iter()
                .filter(|s| s.security_roles.contains(&role))
                .count()
        };
        assert_eq!(holders(SecurityRole::Ciso), 1);
        assert_eq!(holders(SecurityRole::SecurityOfficer), 9, "the nine 課長");
        assert_eq!(holders(SecurityRole::DivisionSecurityOfficer), 9);
        assert_eq!(holders(SecurityRole::SystemSecurityOfficer), 1);
        assert_eq!(holders(SecurityRole::SystemSecurityAdministrator), 1);
        assert_eq!(holders(SecurityRole::Staff), 361, "everyone is staff");
        let chief = agency
            .staff
            .iter()
            .find(|s| {
                s.security_roles
                    .contains(&SecurityRole::ChiefSecurityOfficer)
            })
            .unwrap();
        assert_eq!(chief.title, "総務課長");
        assert_eq!(
            chief.security_roles.len(),
            5,
            "総務課長 holds four roles besides staff"
        );
    }

    #[test]
    fn demo_identities_are_unique() {
        let agency = agency();
        let ids: HashSet<_> = agency.staff.iter().map(|s| &s.employee_id).collect();
        let emails: HashSet<_> = agency.staff.iter().map(|s| &s.email).collect();
        assert_eq!(ids.len(), 361);
        assert_eq!(emails.len(), 361);
    }

    #[test]
    fn demo_accounts_point_at_the_right_people() {
        let agency = agency();
        let person = |id: &EmployeeId| agency.staff.iter().find(|s| &s.employee_id == id).unwrap();
        for account in &agency.accounts {
            let person = person(&account.employee_id);
            for division in &account.managed_divisions {
                assert_eq!(
                    person.division, *division,
                    "a 課長 manages their own division"
                );
            }
        }
        assert_eq!(
            person(&agency.accounts[0].employee_id).title,
            "総務課 課長補佐"
        );
        assert_eq!(
            person(&agency.accounts[1].employee_id).title,
            "消費者安全課長"
        );
        assert_eq!(
            person(&agency.accounts[3].employee_id).division,
            "消費者安全課",
            "the learner works for the demo manager"
        );
    }
}
