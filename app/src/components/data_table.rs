//! The data tables' one shape, so that each page gives only what differs: the caption that
//! names the table (screen readers list tables by it, the browser tests find them by it), a
//! header row of `th scope="col"`, and the rows. The table sits in a wrapper that scrolls it
//! sideways on a narrow screen, instead of the whole page.

use leptos::{attr::custom::custom_attribute, prelude::*};

/// One column's header cell.
pub struct Column {
    label: AnyView,
    /// `aria-sort`, on a column the rows can be sorted by.
    sort: Option<&'static str>,
}

impl Column {
    fn new(label: impl IntoView + 'static, sort: Option<&'static str>) -> Self {
        Column {
            label: label.into_any(),
            sort,
        }
    }

    /// A label with more than text in it (a line below the words, say).
    pub fn label(label: impl IntoView + 'static) -> Self {
        Column::new(label, None)
    }

    /// A label read out but not shown: the column of a row's links, which say what they do.
    pub fn hidden(label: &'static str) -> Self {
        Column::new(view! { <span class="visually-hidden">{label}</span> }, None)
    }

    /// A column that sorts the rows: its label (a link that sorts by it) and whether the rows
    /// are sorted by it now, as `aria-sort` says it: "ascending", "descending" or "none".
    pub fn sorting(label: impl IntoView + 'static, sort: &'static str) -> Self {
        Column::new(label, Some(sort))
    }
}

impl From<&'static str> for Column {
    fn from(label: &'static str) -> Self {
        Column::new(label, None)
    }
}

impl From<String> for Column {
    fn from(label: String) -> Self {
        Column::new(label, None)
    }
}

#[component]
pub fn DataTable<C>(
    /// Names the table. Without one, the heading just above is all that tells what it holds.
    #[prop(optional, into)]
    caption: Option<String>,
    /// The caption only read out, where a heading just above already shows the same words.
    #[prop(optional)]
    caption_hidden: bool,
    /// The table's class: `report-table` aligns its numbers right and prints its links plain.
    #[prop(optional)]
    class: Option<&'static str>,
    /// An id, for the browser tests to find the table by.
    #[prop(optional)]
    id: Option<&'static str>,
    /// The header row's cells, left to right: labels, or `Column`s. They own their labels
    /// (no borrowing from the page's data): the table's view keeps their type.
    columns: C,
    /// The body's rows, `tr`s: a row's naming cell is `th scope="row"`.
    children: Children,
) -> impl IntoView
where
    C: IntoIterator,
    C::Item: Into<Column>,
{
    // `class=None` would still write an empty `class=""`; this writes no attribute at all.
    let class_if = |class: Option<&'static str>| custom_attribute("class", class);
    let caption = caption.map(|caption| {
        let hidden = caption_hidden.then_some("visually-hidden");
        view! { <caption {..class_if(hidden)}>{caption}</caption> }
    });
    let headers = columns
        .into_iter()
        .map(|column| {
            let Column { label, sort } = column.into();
            view! { <th scope="col" aria-sort=sort>{label}</th> }
        })
        .collect_view();
    view! {
        <div class="table-scroll">
            <table {..class_if(class)} id=id>
                {caption}
                <thead><tr>{headers}</tr></thead>
                <tbody>{children()}</tbody>
            </table>
        </div>
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;

    /// The table as the server writes it, without the hydration markers (`<!>`).
    fn html(table: impl FnOnce() -> AnyView) -> String {
        Owner::new().with(|| table().to_html()).replace("<!>", "")
    }

    #[test]
    fn a_bare_table_has_no_caption_and_no_empty_class() {
        let table = html(|| {
            view! { <DataTable columns=["ID"]><tr><td>"1"</td></tr></DataTable> }.into_any()
        });
        assert_eq!(
            table,
            r#"<div class="table-scroll"><table><thead><tr><th scope="col">ID</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table></div>"#
        );
    }

    #[test]
    fn captions_classes_and_columns_are_written_as_given() {
        let columns = [
            Column::from("ID"),
            Column::sorting("Name", "ascending"),
            Column::hidden("Actions"),
        ];
        let table = html(|| {
            view! { <DataTable caption="People" caption_hidden=true class="report-table" id="people" columns><tr><td>"1"</td></tr></DataTable> }
                .into_any()
        });
        assert_eq!(
            table,
            concat!(
                r#"<div class="table-scroll"><table class="report-table" id="people">"#,
                r#"<caption class="visually-hidden">People</caption><thead><tr>"#,
                r#"<th scope="col">ID</th><th scope="col" aria-sort="ascending">Name</th>"#,
                r#"<th scope="col"><span class="visually-hidden">Actions</span></th>"#,
                r#"</tr></thead><tbody><tr><td>1</td></tr></tbody></table></div>"#,
            )
        );
    }
}
