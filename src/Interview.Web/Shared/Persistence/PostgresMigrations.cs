namespace Interview.Web.Shared.Persistence;

/// <summary>
/// The steps of <see cref="SqliteMigrations"/> in PostgreSQL's dialect, numbered the same (step n is recorded as
/// version n in <c>schema_migrations</c>). Times and sequence numbers are <c>BIGINT</c> (Unix milliseconds), blobs
/// <c>BYTEA</c>, flags <c>BOOLEAN</c>; a room's rows go with it through triggers, as in SQLite. Append only.
/// </summary>
internal static class PostgresMigrations
{
    public static readonly string[] All =
    [
        // 1: rooms and chat
        """
        CREATE TABLE rooms (
            id               TEXT PRIMARY KEY,
            title            TEXT NOT NULL,
            capacity         INTEGER NOT NULL,
            owner_token_hash TEXT NOT NULL,
            created_at       BIGINT NOT NULL,
            last_active_at   BIGINT NOT NULL,
            ended_at         BIGINT NULL
        );
        CREATE INDEX rooms_last_active ON rooms (last_active_at);
        CREATE TABLE chat_messages (
            room_id        TEXT NOT NULL REFERENCES rooms (id) ON DELETE CASCADE,
            seq            BIGINT NOT NULL,
            participant_id TEXT NOT NULL,
            author_name    TEXT NOT NULL,
            text           TEXT NOT NULL,
            sent_at        BIGINT NOT NULL,
            PRIMARY KEY (room_id, seq)
        );
        """,
        // 2: room documents (editor): an append-only log of Yjs updates bounded by snapshots
        """
        CREATE TABLE doc_updates (
            room_id    TEXT NOT NULL,
            seq        BIGINT NOT NULL,
            data       BYTEA NOT NULL,
            author     TEXT NULL,
            created_at BIGINT NOT NULL,
            PRIMARY KEY (room_id, seq)
        );
        CREATE TABLE doc_snapshots (
            room_id    TEXT NOT NULL,
            seq        BIGINT NOT NULL,
            data       BYTEA NOT NULL,
            created_at BIGINT NOT NULL,
            PRIMARY KEY (room_id, seq)
        );
        CREATE FUNCTION rooms_delete_documents() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            DELETE FROM doc_updates WHERE room_id = OLD.id;
            DELETE FROM doc_snapshots WHERE room_id = OLD.id;
            RETURN OLD;
        END $$;
        CREATE TRIGGER rooms_delete_documents AFTER DELETE ON rooms FOR EACH ROW EXECUTE FUNCTION rooms_delete_documents();
        """,
        // 3: recordings uploaded to a room (the WebM files live under INTERVIEW_DATA_DIR/recordings/<room id>/)
        """
        CREATE TABLE room_recordings (
            id             TEXT PRIMARY KEY,
            room_id        TEXT NOT NULL,
            file_name      TEXT NOT NULL,
            size           BIGINT NOT NULL,
            sha256         TEXT NOT NULL,
            participant_id TEXT NOT NULL,
            author_name    TEXT NOT NULL,
            created_at     BIGINT NOT NULL
        );
        CREATE INDEX room_recordings_room ON room_recordings (room_id, created_at);
        CREATE FUNCTION rooms_delete_recordings() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            DELETE FROM room_recordings WHERE room_id = OLD.id;
            RETURN OLD;
        END $$;
        CREATE TRIGGER rooms_delete_recordings AFTER DELETE ON rooms FOR EACH ROW EXECUTE FUNCTION rooms_delete_recordings();
        """,
        // 4: session playback: the log is kept as the document's history; the oldest history is folded into a base
        // state when it outgrows its bound
        """
        ALTER TABLE doc_updates ADD COLUMN author_name TEXT NULL;
        CREATE TABLE doc_history_base (
            room_id    TEXT PRIMARY KEY,
            seq        BIGINT NOT NULL,
            data       BYTEA NOT NULL,
            created_at BIGINT NOT NULL
        );
        INSERT INTO doc_history_base (room_id, seq, data, created_at)
            SELECT room_id, seq, data, created_at FROM doc_snapshots s
            WHERE seq = (SELECT MAX(seq) FROM doc_snapshots WHERE room_id = s.room_id);
        CREATE FUNCTION rooms_delete_history() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            DELETE FROM doc_history_base WHERE room_id = OLD.id;
            RETURN OLD;
        END $$;
        CREATE TRIGGER rooms_delete_history AFTER DELETE ON rooms FOR EACH ROW EXECUTE FUNCTION rooms_delete_history();
        """,
        // 5: roles: room access settings, invite links (revocation is revoked_at), private interviewer notes
        """
        ALTER TABLE rooms ADD COLUMN require_invite BOOLEAN NOT NULL DEFAULT FALSE;
        ALTER TABLE rooms ADD COLUMN lobby BOOLEAN NOT NULL DEFAULT FALSE;
        ALTER TABLE rooms ADD COLUMN editor_locked BOOLEAN NOT NULL DEFAULT FALSE;
        CREATE TABLE invites (
            id           TEXT PRIMARY KEY,
            room_id      TEXT NOT NULL,
            role         TEXT NOT NULL,
            token        TEXT NOT NULL,
            display_name TEXT NULL,
            user_id      TEXT NULL,
            test_id      TEXT NULL,
            created_by   TEXT NULL,
            created_at   BIGINT NOT NULL,
            expires_at   BIGINT NOT NULL,
            revoked_at   BIGINT NULL
        );
        CREATE INDEX invites_room ON invites (room_id);
        CREATE TABLE interviewer_notes (
            room_id    TEXT PRIMARY KEY,
            notes      TEXT NOT NULL,
            scorecard  TEXT NOT NULL,
            updated_by TEXT NOT NULL,
            updated_at BIGINT NOT NULL
        );
        CREATE FUNCTION rooms_delete_roles() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            DELETE FROM invites WHERE room_id = OLD.id;
            DELETE FROM interviewer_notes WHERE room_id = OLD.id;
            RETURN OLD;
        END $$;
        CREATE TRIGGER rooms_delete_roles AFTER DELETE ON rooms FOR EACH ROW EXECUTE FUNCTION rooms_delete_roles();
        """,
        // 6: invigilation: which rooms belong to a test, the candidates seen in them, their focus events
        """
        CREATE TABLE exam_rooms (
            room_id TEXT PRIMARY KEY,
            test_id TEXT NOT NULL
        );
        CREATE INDEX exam_rooms_test ON exam_rooms (test_id);
        CREATE TABLE exam_candidates (
            room_id       TEXT NOT NULL,
            candidate_key TEXT NOT NULL,
            display_name  TEXT NOT NULL,
            first_seen_at BIGINT NOT NULL,
            PRIMARY KEY (room_id, candidate_key)
        );
        CREATE TABLE focus_events (
            room_id       TEXT NOT NULL,
            seq           BIGINT NOT NULL,
            candidate_key TEXT NOT NULL,
            display_name  TEXT NOT NULL,
            kind          TEXT NOT NULL,
            detail        TEXT NULL,
            at            BIGINT NOT NULL,
            PRIMARY KEY (room_id, seq)
        );
        CREATE FUNCTION rooms_delete_exam() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            DELETE FROM exam_rooms WHERE room_id = OLD.id;
            DELETE FROM exam_candidates WHERE room_id = OLD.id;
            DELETE FROM focus_events WHERE room_id = OLD.id;
            RETURN OLD;
        END $$;
        CREATE TRIGGER rooms_delete_exam AFTER DELETE ON rooms FOR EACH ROW EXECUTE FUNCTION rooms_delete_exam();
        """,
        // 7: who an interviewer removed, turned away or let in (session keys hashed)
        """
        CREATE TABLE admission_decisions (
            room_id    TEXT NOT NULL,
            kind       TEXT NOT NULL,
            key        TEXT NOT NULL,
            decided_at BIGINT NOT NULL,
            PRIMARY KEY (room_id, kind, key)
        );
        CREATE FUNCTION rooms_delete_admissions() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            DELETE FROM admission_decisions WHERE room_id = OLD.id;
            RETURN OLD;
        END $$;
        CREATE TRIGGER rooms_delete_admissions AFTER DELETE ON rooms FOR EACH ROW EXECUTE FUNCTION rooms_delete_admissions();
        """,
        // 8: the runs of a room (its last few)
        """
        CREATE TABLE room_runs (
            room_id    TEXT NOT NULL,
            run_id     TEXT NOT NULL,
            started_at BIGINT NOT NULL,
            view       TEXT NOT NULL,
            PRIMARY KEY (room_id, run_id)
        );
        CREATE FUNCTION rooms_delete_runs() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            DELETE FROM room_runs WHERE room_id = OLD.id;
            RETURN OLD;
        END $$;
        CREATE TRIGGER rooms_delete_runs AFTER DELETE ON rooms FOR EACH ROW EXECUTE FUNCTION rooms_delete_runs();
        """,
    ];
}
