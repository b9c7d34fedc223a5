/// The archive index's tables (SQLite). Only organisational facts are in clear: jurisdiction,
/// school, district, document kind, dates, status, and the few facts of a record that say which
/// deadlines apply (``DueFacts``: admission type, entry date of a first entry, postponed or
/// waived, guardian's wish not followed or guardian not heard, certificate revoked and from
/// when). Names, national ids and birth dates exist only sealed under the pupil's key or as
/// keyed tokens; documents only as encrypted blobs.
enum IndexSchema {
    static let version = 1

    static let create = """
    CREATE TABLE archive (key TEXT PRIMARY KEY, value BLOB NOT NULL);
    CREATE TABLE operators (
        id TEXT PRIMARY KEY,
        credential TEXT NOT NULL,          -- certificate | passphrase
        fingerprint TEXT,                  -- SHA-256 of the enrolled certificate
        enrolled TEXT NOT NULL,
        enrolled_by TEXT NOT NULL
    );
    CREATE TABLE pupils (
        pseudonym TEXT PRIMARY KEY,        -- P-…, random
        wrapped_key BLOB,                  -- pupil key sealed under the archive's pupil-key key; NULL once shredded
        sealed_identity BLOB,              -- name, national id, birth date, sealed under the pupil key
        jurisdiction TEXT NOT NULL,
        school_code TEXT,
        school_name TEXT,
        district TEXT,
        created TEXT NOT NULL,
        updated TEXT NOT NULL,
        hold_since TEXT,                   -- legal hold
        sealed_hold_reason BLOB,
        shredded TEXT,
        shredded_by TEXT
    );
    CREATE TABLE tokens (
        token BLOB NOT NULL,
        field TEXT NOT NULL,               -- national-id | name+birth | name
        pseudonym TEXT NOT NULL REFERENCES pupils(pseudonym),
        PRIMARY KEY (token, pseudonym)
    );
    CREATE TABLE documents (
        id TEXT PRIMARY KEY,               -- D-…, random
        pseudonym TEXT NOT NULL REFERENCES pupils(pseudonym),
        kind TEXT NOT NULL,                -- record kind, or attachment
        record_id TEXT,                    -- the record's own id (not personal: letters, digits, .-_)
        UNIQUE (pseudonym, kind, record_id)
    );
    CREATE INDEX documents_by_record ON documents(record_id);
    CREATE TABLE versions (
        document TEXT NOT NULL REFERENCES documents(id),
        version INTEGER NOT NULL,
        content_token BLOB NOT NULL,       -- keyed digest of the plaintext: the same bytes are one version
        media_type TEXT NOT NULL,
        size INTEGER NOT NULL,
        issued TEXT,                       -- the document's own date
        ingested TEXT NOT NULL,
        ingested_by TEXT NOT NULL,
        wrapped_key BLOB,                  -- document key sealed under the pupil key; NULL once shredded
        sealed_details BLOB,               -- title, record version, SHA-256, provenance; under the pupil key
        blob TEXT,                         -- SHA-256 of the ciphertext = blob file name; NULL once shredded
        blob_size INTEGER,
        facts TEXT,                        -- DueFacts of a record ('' none); NULL: not read yet (filled by due or ingest)
        PRIMARY KEY (document, version),
        UNIQUE (document, content_token)
    );
    CREATE INDEX pupils_by_school ON pupils(school_code, school_name);
    """
}
