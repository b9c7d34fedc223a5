/// The archive index's tables (SQLite). Only organisational facts are in clear: jurisdiction,
/// school, district, document kind, dates, status, and the few facts of a record that say which
/// deadlines apply (``DueFacts``: admission type, entry date of a first entry, postponed or
/// waived, guardian's wish not followed or guardian not heard, certificate revoked and from
/// when). Names, national ids and birth dates exist only sealed under the pupil's key or as
/// keyed tokens; documents only as encrypted blobs.
///
/// Format 2 (this one) keeps keys by scope (``hierarchy``); format 1 sealed each pupil's key in
/// `pupils.wrapped_key` under a key derived from the archive key (`archive migrate` moves it).
enum IndexSchema {
    static let version = 2

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
        sealed_identity BLOB,              -- name, national id, birth date, sealed under the pupil key of identity_class
        jurisdiction TEXT NOT NULL,
        school_code TEXT,
        school_name TEXT,
        district TEXT,
        created TEXT NOT NULL,
        updated TEXT NOT NULL,
        hold_since TEXT,                   -- legal hold
        sealed_hold_reason BLOB,
        shredded TEXT,
        shredded_by TEXT,
        identity_class TEXT                -- the key class whose pupil key seals the identity
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
        key_class TEXT NOT NULL,           -- the class of the pupil key that seals its versions' keys
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
        wrapped_key BLOB,                  -- document key sealed under the pupil key of the document's class; NULL once shredded
        sealed_details BLOB,               -- title, record version, SHA-256, provenance; under that pupil key
        blob TEXT,                         -- SHA-256 of the ciphertext = blob file name; NULL once shredded
        blob_size INTEGER,
        facts TEXT,                        -- DueFacts of a record ('' none); NULL: not read yet (filled by due or ingest)
        PRIMARY KEY (document, version),
        UNIQUE (document, content_token)
    );
    CREATE INDEX pupils_by_school ON pupils(school_code, school_name);
    """ + hierarchy

    /// The key hierarchy of format 2: keys wrapped under the master key, and pupil keys wrapped under scope keys.
    static let hierarchy = """
    CREATE TABLE keys (
        name TEXT PRIMARY KEY,             -- blind-index, policy-seal, …, scope|<scope>|<class>, backup|<period>
        wrapped BLOB NOT NULL,             -- sealed under the master key
        created TEXT NOT NULL
    );
    CREATE TABLE pupil_keys (
        pseudonym TEXT NOT NULL REFERENCES pupils(pseudonym),
        key_class TEXT NOT NULL,
        scope TEXT NOT NULL,               -- school:<jurisdiction>/<school> | district:<jurisdiction>/<district> | jurisdiction:<code>
        wrapped_key BLOB NOT NULL,         -- the pupil's key of that class, sealed under the scope key; deleted when shredded
        PRIMARY KEY (pseudonym, key_class, scope)
    );
    CREATE INDEX pupil_keys_by_scope ON pupil_keys(scope, key_class);
    CREATE TABLE backup_keys (
        period TEXT NOT NULL,              -- the backup period (YYYY-MM)
        pseudonym TEXT NOT NULL,
        wrapped_key BLOB NOT NULL,         -- the pupil's backup key of that period, sealed under the period's key; deleted when shredded
        PRIMARY KEY (period, pseudonym)
    );
    """
}
