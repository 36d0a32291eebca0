//! Trainers write pages in Markdown; learners get HTML rendered here, on the server, when the
//! page is saved. Raw HTML in the source is shown as text and only web and mail links survive,
//! so a trainer cannot plant a script in a page.

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, html};

/// Markdown (with tables and strikethrough) to safe HTML.
pub fn render_markdown(source: &str) -> String {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let events = Parser::new_ext(source, options).map(|event| match event {
        // Raw HTML becomes visible text: the page shows it, the browser never runs it.
        Event::Html(raw) | Event::InlineHtml(raw) => Event::Text(raw),
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }) => Event::Start(Tag::Link {
            link_type,
            dest_url: safe_url(dest_url),
            title,
            id,
        }),
        Event::Start(Tag::Image {
            link_type,
            dest_url,
            title,
            id,
        }) => Event::Start(Tag::Image {
            link_type,
            dest_url: safe_url(dest_url),
            title,
            id,
        }),
        other => other,
    });
    let mut out = String::with_capacity(source.len() * 2);
    html::push_html(&mut out, events);
    out
}

/// Keeps `https:`, `http:`, `mailto:`, site-relative and fragment links; anything else
/// (`javascript:`, `data:` …) becomes an empty fragment.
fn safe_url(url: CowStr<'_>) -> CowStr<'_> {
    let lower = url.trim().to_ascii_lowercase();
    let allowed = ["https://", "http://", "mailto:", "/", "#"]
        .iter()
        .any(|prefix| lower.starts_with(prefix))
        && !lower.starts_with("//");
    if allowed { url } else { CowStr::Borrowed("#") }
}

#[cfg(test)]
mod tests {
    use super::render_markdown;

    #[test]
    fn renders_headings_lists_and_tables() {
        let html = render_markdown(
            "## 格付け\n\n- 機密性3\n- 機密性2\n\n| 区分 | 例 |\n|---|---|\n| 3 | 個人情報 |\n",
        );
        assert!(html.contains("<h2>格付け</h2>"), "{html}");
        assert!(html.contains("<li>機密性3</li>"), "{html}");
        assert!(html.contains("<td>個人情報</td>"), "{html}");
    }

    #[test]
    fn scripts_and_event_handlers_stay_text() {
        let html = render_markdown(
            "<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\ntext <b onclick=\"x()\">b</b>",
        );
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<img"), "{html}");
        assert!(!html.contains("<b "), "{html}");
        assert!(html.contains("&lt;script&gt;"), "{html}");
    }

    #[test]
    fn only_web_and_mail_links_survive() {
        let html = render_markdown(
            "[a](javascript:alert(1)) [b](JaVaScRiPt:x) [c](data:text/html,x) [d](//evil.example) [e](https://www.caa.go.jp/) [f](/modules/x) [g](mailto:security@agency.example)",
        );
        assert!(!html.to_ascii_lowercase().contains("javascript:"), "{html}");
        assert!(!html.contains("data:"), "{html}");
        assert!(!html.contains("//evil"), "{html}");
        assert!(html.contains("href=\"https://www.caa.go.jp/\""), "{html}");
        assert!(html.contains("href=\"/modules/x\""), "{html}");
        assert!(
            html.contains("href=\"mailto:security@agency.example\""),
            "{html}"
        );
    }
}
