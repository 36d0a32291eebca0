//! The two places where Leptos writes text into the server's HTML as it is: the `<title>`
//! (leptos_meta's `Title`) and a `<textarea>`'s children. Its maintainers keep them raw
//! (leptos PR 4819), so a module title or a summary holding `</title><script>…` would close
//! the element and run. Every text bound for either goes through these functions: escaped
//! on the server, plain in the browser, which sets `document.title` and builds text nodes
//! from plain text (and does not hydrate a textarea's children).

/// The page's title, as the root `Title`'s formatter gives it for every page.
pub fn title(text: String) -> String {
    on_server(text)
}

/// The text a `<textarea>` starts with: `<textarea>{raw_text::textarea(text)}</textarea>`.
pub fn textarea(text: String) -> String {
    // The HTML parser drops a newline right after `<textarea>`: one is given for it to drop.
    if cfg!(feature = "ssr") {
        format!("\n{}", on_server(text))
    } else {
        text
    }
}

fn on_server(text: String) -> String {
    if cfg!(feature = "ssr") {
        text.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    } else {
        text
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;

    #[test]
    fn markup_in_user_text_is_escaped_on_the_server() {
        assert_eq!(
            title("</title><script>alert(1)</script> & more".into()),
            "&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; more"
        );
        assert_eq!(
            textarea("\n</textarea><b>".into()),
            "\n\n&lt;/textarea&gt;&lt;b&gt;"
        );
    }

    /// Nothing but these functions may fill a textarea or format the title: a new one that
    /// writes user text there raw fails this test.
    #[test]
    fn every_textarea_and_title_formatter_goes_through_raw_text() {
        let sources = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut stack = vec![sources];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    stack.push(path);
                    continue;
                }
                if path.ends_with("raw_text.rs") {
                    continue; // its own docs and tests name the elements
                }
                let text = std::fs::read_to_string(&path).unwrap();
                for (at, _) in text.match_indices("<textarea") {
                    let element = &text[at..];
                    let children = &element[element.find('>').unwrap() + 1..];
                    assert!(
                        children.starts_with("</textarea>")
                            || children.starts_with("{raw_text::textarea("),
                        "{}: a textarea filled without raw_text::textarea",
                        path.display()
                    );
                }
                for (at, _) in text.match_indices("formatter=") {
                    assert!(
                        text[at..].starts_with("formatter=move |page: String| raw_text::title("),
                        "{}: a title formatter without raw_text::title",
                        path.display()
                    );
                }
            }
        }
    }
}
