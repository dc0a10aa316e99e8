//! The conformance suite: every scenario runs against SQLite (a fresh temp
//! file) and PostgreSQL (a fresh database, dropped afterwards), as
//! `sqlite::<scenario>` and `postgres::<scenario>`. See the crate README.

mod akun;
mod analitik;
mod fixture;
mod harness;
mod induk;
mod katalog;
mod migrasi;
mod org;
mod pegawai;
mod rencana;
mod revisi;
mod tenant;
mod tulis;

/// Emits one `#[tokio::test]` per scenario and backend.
macro_rules! conformance {
    ($($module:ident :: $scenario:ident),+ $(,)?) => {
        mod sqlite {
            $(
                #[tokio::test]
                async fn $scenario() {
                    let db = crate::harness::sqlite().await;
                    crate::$module::$scenario(&db).await;
                }
            )+
        }

        mod postgres {
            $(
                #[tokio::test]
                async fn $scenario() {
                    let Some(db) = crate::harness::postgres().await else { return };
                    crate::$module::$scenario(&db).await;
                }
            )+
        }
    };
}

conformance!(
    org::instansi_registry,
    org::unit_tree,
    org::numbered_units_keep_their_place,
    org::jabatan_and_list,
    org::kompetensi_dictionary,
    org::standar_replace,
    induk::data_induk_import,
    pegawai::pegawai_batch,
    pegawai::large_batches,
    pegawai::search_scopes_filters_paging,
    pegawai::penilaian_append_only,
    pegawai::skp_ratings,
    pegawai::ringkasan_counts,
    pegawai::jumlah_per_unit,
    akun::accounts,
    akun::mitra_accounts,
    akun::sessions,
    akun::audit_trail,
    tenant::tenant_isolation,
    tulis::pegawai_update,
    tulis::account_activation,
    analitik::data_kesenjangan,
    rencana::usulan_flow,
    rencana::rencana_workflow,
    revisi::data_revision,
    revisi::settings,
    katalog::mitra_round_trip,
    katalog::program_round_trip,
    katalog::katalog_tenant_isolation,
);

/// Opening PostgreSQL: each failure says why.
mod postgres_connect {
    use crate::harness;
    use kompeten_store::StoreError;
    use kompeten_store::postgres::PgStore;

    fn open_error(result: Result<PgStore, StoreError>) -> String {
        match result {
            Err(StoreError::Open(message)) => message,
            Err(other) => panic!("expected StoreError::Open, got {other:?}"),
            Ok(_) => panic!("expected StoreError::Open, got a store"),
        }
    }

    #[tokio::test]
    async fn unreachable_server_is_reported() {
        let message =
            open_error(PgStore::connect("postgres://postgres@127.0.0.1:1/kompeten").await);
        assert!(message.contains("cannot reach"), "{message}");
        assert!(message.contains("127.0.0.1:1"), "{message}");
    }

    #[tokio::test]
    async fn invalid_url_is_reported() {
        let message = open_error(PgStore::connect("this is not a url").await);
        assert!(message.contains("not a valid PostgreSQL URL"), "{message}");
    }

    #[tokio::test]
    async fn missing_database_is_reported() {
        // Needs a server that answers; the conformance tests report when there is none.
        let Some(db) = harness::postgres().await else {
            return;
        };
        drop(db);
        let url = harness::with_database(&harness::admin_url(), "kompeten_database_yang_tidak_ada");
        let message = open_error(PgStore::connect(&url).await);
        assert!(message.contains("database does not exist"), "{message}");
        assert!(
            message.contains("kompeten_database_yang_tidak_ada"),
            "{message}"
        );
    }

    #[tokio::test]
    async fn reconnecting_keeps_data_and_migrations_run_once() {
        let Some(db) = harness::postgres().await else {
            return;
        };
        let harness::TestDb::Postgres { store, .. } = &db else {
            panic!("a PostgreSQL test database")
        };
        let i = crate::fixture::instansi(store, "SWL").await;
        let name: String = sqlx::query_scalar("SELECT current_database()")
            .fetch_one(store.pool())
            .await
            .expect("database name");
        let again = PgStore::connect(&harness::with_database(&harness::admin_url(), &name))
            .await
            .expect("reconnect");
        use kompeten_store::Store as _;
        assert_eq!(again.instansi(i).await.expect("still there").kode, "SWL");
        again.close().await;
        assert!(
            again.ping().await.is_err(),
            "a closed store answers no more"
        );
    }
}
