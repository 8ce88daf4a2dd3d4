namespace Interview.Web.Shared.Persistence;

/// <summary>Schema migrations, applied in order; the index + 1 is stored as SQLite's <c>user_version</c>. Append only.</summary>
internal static class SqliteMigrations
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
            created_at       INTEGER NOT NULL,
            last_active_at   INTEGER NOT NULL,
            ended_at         INTEGER NULL
        );
        CREATE INDEX rooms_last_active ON rooms (last_active_at);
        CREATE TABLE chat_messages (
            room_id        TEXT NOT NULL REFERENCES rooms (id) ON DELETE CASCADE,
            seq            INTEGER NOT NULL,
            participant_id TEXT NOT NULL,
            author_name    TEXT NOT NULL,
            text           TEXT NOT NULL,
            sent_at        INTEGER NOT NULL,
            PRIMARY KEY (room_id, seq)
        );
        """,
        // 2: room documents (editor): an append-only log of Yjs updates bounded by snapshots
        """
        CREATE TABLE doc_updates (
            room_id    TEXT NOT NULL,
            seq        INTEGER NOT NULL,
            data       BLOB NOT NULL,
            author     TEXT NULL,
            created_at INTEGER NOT NULL,
            PRIMARY KEY (room_id, seq)
        );
        CREATE TABLE doc_snapshots (
            room_id    TEXT NOT NULL,
            seq        INTEGER NOT NULL,
            data       BLOB NOT NULL,
            created_at INTEGER NOT NULL,
            PRIMARY KEY (room_id, seq)
        );
        CREATE TRIGGER rooms_delete_documents AFTER DELETE ON rooms BEGIN
            DELETE FROM doc_updates WHERE room_id = OLD.id;
            DELETE FROM doc_snapshots WHERE room_id = OLD.id;
        END;
        """,
        // 3: recordings uploaded to a room (the WebM files live under INTERVIEW_DATA_DIR/recordings/<room id>/)
        """
        CREATE TABLE room_recordings (
            id             TEXT PRIMARY KEY,
            room_id        TEXT NOT NULL,
            file_name      TEXT NOT NULL,
            size           INTEGER NOT NULL,
            sha256         TEXT NOT NULL,
            participant_id TEXT NOT NULL,
            author_name    TEXT NOT NULL,
            created_at     INTEGER NOT NULL
        );
        CREATE INDEX room_recordings_room ON room_recordings (room_id, created_at);
        CREATE TRIGGER rooms_delete_recordings AFTER DELETE ON rooms BEGIN
            DELETE FROM room_recordings WHERE room_id = OLD.id;
        END;
        """,
        // 4: session playback: the log is kept as the document's history (compaction no longer deletes it); the
        // oldest history is folded into a base state when it outgrows its bound
        """
        ALTER TABLE doc_updates ADD COLUMN author_name TEXT NULL;
        CREATE TABLE doc_history_base (
            room_id    TEXT PRIMARY KEY,
            seq        INTEGER NOT NULL,
            data       BLOB NOT NULL,
            created_at INTEGER NOT NULL
        );
        INSERT INTO doc_history_base (room_id, seq, data, created_at)
            SELECT room_id, seq, data, created_at FROM doc_snapshots s
            WHERE seq = (SELECT MAX(seq) FROM doc_snapshots WHERE room_id = s.room_id);
        CREATE TRIGGER rooms_delete_history AFTER DELETE ON rooms BEGIN
            DELETE FROM doc_history_base WHERE room_id = OLD.id;
        END;
        """,
        // 5: roles: room access settings, invite links (revocation is revoked_at), private interviewer notes
        """
        ALTER TABLE rooms ADD COLUMN require_invite INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE rooms ADD COLUMN lobby INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE rooms ADD COLUMN editor_locked INTEGER NOT NULL DEFAULT 0;
        CREATE TABLE invites (
            id           TEXT PRIMARY KEY,
            room_id      TEXT NOT NULL,
            role         TEXT NOT NULL,
            token        TEXT NOT NULL,
            display_name TEXT NULL,
            user_id      TEXT NULL,
            test_id      TEXT NULL,
            created_by   TEXT NULL,
            created_at   INTEGER NOT NULL,
            expires_at   INTEGER NOT NULL,
            revoked_at   INTEGER NULL
        );
        CREATE INDEX invites_room ON invites (room_id);
        CREATE TABLE interviewer_notes (
            room_id    TEXT PRIMARY KEY,
            notes      TEXT NOT NULL,
            scorecard  TEXT NOT NULL,
            updated_by TEXT NOT NULL,
            updated_at INTEGER NOT NULL
        );
        CREATE TRIGGER rooms_delete_roles AFTER DELETE ON rooms BEGIN
            DELETE FROM invites WHERE room_id = OLD.id;
            DELETE FROM interviewer_notes WHERE room_id = OLD.id;
        END;
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
            first_seen_at INTEGER NOT NULL,
            PRIMARY KEY (room_id, candidate_key)
        );
        CREATE TABLE focus_events (
            room_id       TEXT NOT NULL,
            seq           INTEGER NOT NULL,
            candidate_key TEXT NOT NULL,
            display_name  TEXT NOT NULL,
            kind          TEXT NOT NULL,
            detail        TEXT NULL,
            at            INTEGER NOT NULL,
            PRIMARY KEY (room_id, seq)
        );
        CREATE TRIGGER rooms_delete_exam AFTER DELETE ON rooms BEGIN
            DELETE FROM exam_rooms WHERE room_id = OLD.id;
            DELETE FROM exam_candidates WHERE room_id = OLD.id;
            DELETE FROM focus_events WHERE room_id = OLD.id;
        END;
        """,
        // 7: who an interviewer removed, turned away or let in (session keys hashed), so that neither a restart nor
        // an idle unload forgets it
        """
        CREATE TABLE admission_decisions (
            room_id    TEXT NOT NULL,
            kind       TEXT NOT NULL,
            key        TEXT NOT NULL,
            decided_at INTEGER NOT NULL,
            PRIMARY KEY (room_id, kind, key)
        );
        CREATE TRIGGER rooms_delete_admissions AFTER DELETE ON rooms BEGIN
            DELETE FROM admission_decisions WHERE room_id = OLD.id;
        END;
        """,
        // 8: the runs of a room (its last few, as the run panel shows them), so a restart or a dead node loses none
        """
        CREATE TABLE room_runs (
            room_id    TEXT NOT NULL,
            run_id     TEXT NOT NULL,
            started_at INTEGER NOT NULL,
            view       TEXT NOT NULL,
            PRIMARY KEY (room_id, run_id)
        );
        CREATE TRIGGER rooms_delete_runs AFTER DELETE ON rooms BEGIN
            DELETE FROM room_runs WHERE room_id = OLD.id;
        END;
        """,
    ];
}
