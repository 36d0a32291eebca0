//! sea-orm entities, one module per table (see the migrations crate for the schema).

pub mod app_role_grant;
pub mod assignment;
pub mod audit_log;
pub mod division;
pub mod division_membership;
pub mod enrollment;
pub mod holiday;
pub mod inspection_campaign;
pub mod inspection_change;
pub mod inspection_item;
pub mod inspection_response;
pub mod login_failure;
pub mod mail_outbox;
pub mod managed_division;
pub mod material;
pub mod material_file;
pub mod material_view;
pub mod password_link;
pub mod question;
pub mod quiz;
pub mod quiz_attempt;
pub mod security_role_period;
pub mod session;
pub mod setting;
pub mod staff;
pub mod staff_upload;
pub mod training_module;

// Reading several tables in one statement: the entities declare no relations, so a join names
// its columns, and each table's columns are read back under a prefix of their own.

use sea_orm::{
    EntityTrait, IdenStatic, IntoSimpleExpr, Iterable, RelationDef,
    sea_query::{Alias, SelectStatement},
};

/// A join from the rows of `F` to those of `T` whose `to` equals the row's `from`.
pub(crate) fn join_on<F: EntityTrait, T: EntityTrait>(
    from: F::Column,
    to: T::Column,
) -> RelationDef {
    F::belongs_to(T::default()).from(from).to(to).into()
}

/// Adds every column of `E` to `query` as `{prefix}{column}`, to be read back with
/// `E::Model::from_query_result(row, prefix)`.
pub(crate) fn select_prefixed<E: EntityTrait>(query: &mut SelectStatement, prefix: &str) {
    for column in E::Column::iter() {
        query.expr_as(
            column.into_simple_expr(),
            Alias::new(format!("{prefix}{}", column.as_str())),
        );
    }
}
