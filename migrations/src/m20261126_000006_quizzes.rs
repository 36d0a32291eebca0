//! Quizzes: a module's settings and question pool, and learners' attempts (each keeps the
//! questions it drew, as they were, so that later edits to the pool do not change it).

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Quiz::Table)
                    .col(pk_auto(Quiz::Id))
                    .col(integer_uniq(Quiz::ModuleId))
                    // Questions drawn per attempt; 0 asks the whole pool.
                    .col(integer(Quiz::DrawCount))
                    .col(boolean(Quiz::ShuffleOptions))
                    .col(integer(Quiz::PassMark))
                    // 0: unlimited.
                    .col(integer(Quiz::MaxAttempts))
                    .col(integer(Quiz::WaitMinutes))
                    // 0: no time limit.
                    .col(integer(Quiz::TimeLimitMinutes))
                    .col(string(Quiz::MultipleScoring))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Quiz::Table, Quiz::ModuleId)
                            .to(TrainingModule::Table, TrainingModule::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Question::Table)
                    .col(pk_auto(Question::Id))
                    .col(integer(Question::ModuleId))
                    .col(integer(Question::Position))
                    // The question as JSON, in the export's form (`quiz::Question`).
                    .col(text(Question::Content))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Question::Table, Question::ModuleId)
                            .to(TrainingModule::Table, TrainingModule::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(QuizAttempt::Table)
                    .col(pk_auto(QuizAttempt::Id))
                    .col(integer(QuizAttempt::EnrollmentId))
                    .col(integer(QuizAttempt::Number))
                    .col(timestamp_with_time_zone(QuizAttempt::StartedAt))
                    .col(timestamp_with_time_zone_null(QuizAttempt::DeadlineAt))
                    .col(integer(QuizAttempt::Extensions).default(0))
                    // The questions drawn, with their options in the order shown (JSON).
                    .col(text(QuizAttempt::Paper))
                    .col(timestamp_with_time_zone_null(QuizAttempt::SubmittedAt))
                    .col(text_null(QuizAttempt::Answers))
                    .col(integer_null(QuizAttempt::Score))
                    .col(boolean_null(QuizAttempt::Passed))
                    .foreign_key(
                        ForeignKey::create()
                            .from(QuizAttempt::Table, QuizAttempt::EnrollmentId)
                            .to(Enrollment::Table, Enrollment::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        // One attempt number per enrollment: two starts at once cannot both take number N.
        manager
            .create_index(
                Index::create()
                    .name("idx_quiz_attempt_enrollment_number")
                    .table(QuizAttempt::Table)
                    .col(QuizAttempt::EnrollmentId)
                    .col(QuizAttempt::Number)
                    .unique()
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            QuizAttempt::Table.into_iden(),
            Question::Table.into_iden(),
            Quiz::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden)]
enum TrainingModule {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Enrollment {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Quiz {
    Table,
    Id,
    ModuleId,
    DrawCount,
    ShuffleOptions,
    PassMark,
    MaxAttempts,
    WaitMinutes,
    TimeLimitMinutes,
    MultipleScoring,
}

#[derive(DeriveIden)]
enum Question {
    Table,
    Id,
    ModuleId,
    Position,
    Content,
}

#[derive(DeriveIden)]
enum QuizAttempt {
    Table,
    Id,
    EnrollmentId,
    Number,
    StartedAt,
    DeadlineAt,
    Extensions,
    Paper,
    SubmittedAt,
    Answers,
    Score,
    Passed,
}
