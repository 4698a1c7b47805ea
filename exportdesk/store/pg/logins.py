"""People's PostgreSQL login roles, kept in step with their ExportDesk records.

An ExportDesk administrator connects as their own role, which has no CREATEROLE; the
owner role (NOLOGIN, CREATEROLE) does the role changes inside SECURITY DEFINER
functions that first check who asks and which role they touch:

- `create_login(login, verifier)`: a new LOGIN role in exportdesk_user, with a
  SCRAM verifier hashed by the client (the password never reaches the server's log);
- `set_login_password(login, verifier)`: an administrator's password reset;
- triggers on `users` (active) and `user_roles` (admin) grant or revoke the group
  exportdesk_admin and turn LOGIN on or off, whoever changed the rows and however
  (the window, `campus add-user`, or an administrator at psql).

Login roles are cluster-wide, but a `users` row is only this database's word. So a
role is touched only if THIS database made it (`own_logins`, an owner-only table of
the role's OID and this database's OID, written by create_login and `db copy`: a role
dropped and made again by name elsewhere, or a CREATE DATABASE … TEMPLATE copy, is
not the same; a database set up before it existed is filled once from its campus
accounts), it is a member of exportdesk_user, it holds
no power of its own (superuser, CREATEROLE, BYPASSRLS, replication) and it belongs,
directly or through other roles, to no group but exportdesk_user and
exportdesk_admin (IT staff who are also exportdesk_owner or pg_write_all_data are
not ExportDesk's to manage). Records of senders known only from case files never
touch a role, and may not name one. Applied after schema.security_sql() by every
`campus init` (CREATE OR REPLACE / IF NOT EXISTS only).
"""

from __future__ import annotations

from exportdesk.store.pg.engine import PASSWORD_MARK
from exportdesk.store.pg.schema import ADMINS, OWNER, USERS

LOGINS_SQL = f"""
-- The login roles this database made: the only ones its records have authority over.
-- A role is known by its OID, not its name (IT may drop a role and another database
-- create one of that name), and the database by its own OID (a copy made with CREATE
-- DATABASE … TEMPLATE carries the rows, not the authority).
DO $$
BEGIN
    IF to_regclass('exportdesk.own_logins') IS NULL THEN
        CREATE TABLE exportdesk.own_logins (
            login TEXT PRIMARY KEY, role_oid OID NOT NULL, db_oid OID NOT NULL);
        -- A database set up before this table: its campus accounts, once.
        INSERT INTO exportdesk.own_logins (login, role_oid, db_oid)
            SELECT u.login, r.oid, d.oid
            FROM exportdesk.users u JOIN pg_roles r ON r.rolname = u.login
            JOIN pg_database d ON d.datname = current_database()
            WHERE u.password_hash = '{PASSWORD_MARK}';
    ELSIF NOT EXISTS (SELECT 1 FROM information_schema.columns
                      WHERE table_schema = 'exportdesk' AND table_name = 'own_logins'
                        AND column_name = 'role_oid') THEN
        -- A table of names only (an earlier release): the roles of those names now, once.
        ALTER TABLE exportdesk.own_logins ADD COLUMN role_oid OID, ADD COLUMN db_oid OID;
        UPDATE exportdesk.own_logins o SET role_oid = r.oid, db_oid = d.oid
            FROM pg_roles r, pg_database d
            WHERE r.rolname = o.login AND d.datname = current_database();
        DELETE FROM exportdesk.own_logins WHERE role_oid IS NULL;
        ALTER TABLE exportdesk.own_logins
            ALTER COLUMN role_oid SET NOT NULL, ALTER COLUMN db_oid SET NOT NULL;
    END IF;
END $$;
REVOKE ALL ON own_logins FROM PUBLIC, {USERS}, {ADMINS};

-- Whether `p_login` is a person's login role (false: no such role yet, e.g. a record
-- copied from a single PC before its role is made); any other role is refused.
CREATE OR REPLACE FUNCTION person_login(p_login TEXT) RETURNS BOOLEAN
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = exportdesk, pg_temp AS $$
DECLARE r RECORD;
BEGIN
    SELECT oid, rolsuper, rolcreaterole, rolbypassrls, rolreplication INTO r
    FROM pg_roles WHERE rolname = p_login;
    IF NOT FOUND THEN
        RETURN false;
    END IF;
    IF r.rolsuper OR r.rolcreaterole OR r.rolbypassrls OR r.rolreplication
       OR p_login IN ('{OWNER}', '{USERS}', '{ADMINS}')
       -- Made by this very database: the same role (OID), not a later one of its name.
       OR NOT EXISTS (SELECT 1 FROM own_logins o JOIN pg_database d ON d.oid = o.db_oid
                      WHERE o.login = p_login AND o.role_oid = r.oid
                        AND d.datname = current_database())
       OR NOT EXISTS (SELECT 1 FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid
                      WHERE g.rolname = '{USERS}' AND m.member = r.oid)
       -- Every group it can reach, through any chain of memberships.
       OR EXISTS (WITH RECURSIVE groups(id) AS (
                      SELECT m.roleid FROM pg_auth_members m WHERE m.member = r.oid
                      UNION
                      SELECT m.roleid FROM pg_auth_members m JOIN groups ON m.member = groups.id)
                  SELECT 1 FROM groups JOIN pg_roles g ON g.oid = groups.id
                  WHERE g.rolname NOT IN ('{USERS}', '{ADMINS}')) THEN
        RAISE EXCEPTION 'the role % is not an ExportDesk login of this database', p_login
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN true;
END $$;

CREATE OR REPLACE FUNCTION require_account_admin() RETURNS VOID
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = exportdesk, pg_temp AS $$
BEGIN
    -- The set-up connection (IT, acting as the owner) creates people too.
    IF NOT (has_role('admin') OR session_user::text = '{OWNER}'
            OR pg_has_role(session_user, '{OWNER}', 'MEMBER')) THEN
        RAISE EXCEPTION 'only an ExportDesk administrator manages accounts'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
END $$;

CREATE OR REPLACE FUNCTION check_verifier(p_verifier TEXT) RETURNS VOID
LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
    -- A hashed password only: a clear one would sit in the server's statement log.
    IF p_verifier IS NULL OR p_verifier !~ '^SCRAM-SHA-256\\$[0-9]+:' THEN
        RAISE EXCEPTION 'a password must be sent as a SCRAM-SHA-256 verifier'
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
END $$;

CREATE OR REPLACE FUNCTION create_login(p_login TEXT, p_verifier TEXT) RETURNS VOID
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = exportdesk, pg_temp AS $$
BEGIN
    PERFORM require_account_admin();
    PERFORM check_verifier(p_verifier);
    IF p_login IS NULL OR p_login = '' OR length(p_login) > 63 OR p_login ~ '[[:cntrl:]]' THEN
        RAISE EXCEPTION 'not a login name: %', p_login USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF EXISTS (SELECT 1 FROM pg_roles WHERE lower(rolname) = lower(p_login)) THEN
        RAISE EXCEPTION 'the role % exists already', p_login USING ERRCODE = 'duplicate_object';
    END IF;
    EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L IN ROLE %I', p_login, p_verifier, '{USERS}');
    PERFORM own_login(p_login);
END $$;

-- Records that this database made the role `p_login` (create_login, `db copy`); a row
-- left from a dropped role of that name is replaced.
CREATE OR REPLACE FUNCTION own_login(p_login TEXT) RETURNS VOID
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = exportdesk, pg_temp AS $$
    INSERT INTO own_logins (login, role_oid, db_oid)
        SELECT r.rolname, r.oid, d.oid FROM pg_roles r, pg_database d
        WHERE r.rolname = p_login AND d.datname = current_database()
    ON CONFLICT (login) DO UPDATE SET role_oid = excluded.role_oid, db_oid = excluded.db_oid;
$$;

CREATE OR REPLACE FUNCTION set_login_password(p_login TEXT, p_verifier TEXT) RETURNS VOID
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = exportdesk, pg_temp AS $$
BEGIN
    PERFORM require_account_admin();
    PERFORM check_verifier(p_verifier);
    IF NOT EXISTS (SELECT 1 FROM users WHERE login = p_login) OR NOT person_login(p_login) THEN
        RAISE EXCEPTION 'no ExportDesk login %', p_login USING ERRCODE = 'insufficient_privilege';
    END IF;
    EXECUTE format('ALTER ROLE %I PASSWORD %L', p_login, p_verifier);
END $$;

-- The login role as the records say: exportdesk_admin while the account is an active
-- administrator, LOGIN while it is active.
CREATE OR REPLACE FUNCTION sync_login(p_user BIGINT) RETURNS VOID
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = exportdesk, pg_temp AS $$
DECLARE
    u RECORD;
    want_admin BOOLEAN;
    is_admin BOOLEAN;
    can_login BOOLEAN;
BEGIN
    SELECT login, active, password_hash INTO u FROM users WHERE id = p_user;
    -- A sender known only from case files has no say over any role.
    IF NOT FOUND OR u.password_hash IS DISTINCT FROM '{PASSWORD_MARK}'
       OR NOT person_login(u.login) THEN
        RETURN;
    END IF;
    want_admin := u.active = 1
        AND EXISTS (SELECT 1 FROM user_roles WHERE user_id = p_user AND role = 'admin');
    is_admin := EXISTS (
        SELECT 1 FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid
        JOIN pg_roles r ON r.oid = m.member
        WHERE g.rolname = '{ADMINS}' AND r.rolname = u.login);
    IF want_admin AND NOT is_admin THEN
        EXECUTE format('GRANT %I TO %I', '{ADMINS}', u.login);
    ELSIF is_admin AND NOT want_admin THEN
        EXECUTE format('REVOKE %I FROM %I', '{ADMINS}', u.login);
    END IF;
    SELECT rolcanlogin INTO can_login FROM pg_roles WHERE rolname = u.login;
    IF can_login <> (u.active = 1) THEN
        EXECUTE format('ALTER ROLE %I %s', u.login,
                       CASE WHEN u.active = 1 THEN 'LOGIN' ELSE 'NOLOGIN' END);
    END IF;
END $$;

CREATE OR REPLACE FUNCTION users_sync_login() RETURNS TRIGGER
LANGUAGE plpgsql SECURITY DEFINER SET search_path = exportdesk, pg_temp AS $$
BEGIN
    PERFORM sync_login(NEW.id);
    RETURN NULL;
END $$;
CREATE OR REPLACE FUNCTION user_roles_sync_login() RETURNS TRIGGER
LANGUAGE plpgsql SECURITY DEFINER SET search_path = exportdesk, pg_temp AS $$
BEGIN
    IF TG_OP <> 'DELETE' THEN
        PERFORM sync_login(NEW.user_id);
    END IF;
    IF TG_OP <> 'INSERT' THEN
        PERFORM sync_login(OLD.user_id);
    END IF;
    RETURN NULL;
END $$;
-- A record that is not a campus account (a sender known only from case files) must not
-- name a role of the server: another database's person, or the server's own.
CREATE OR REPLACE FUNCTION users_not_a_role() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.password_hash IS DISTINCT FROM '{PASSWORD_MARK}'
       AND EXISTS (SELECT 1 FROM pg_roles WHERE lower(rolname) = lower(NEW.login)) THEN
        RAISE EXCEPTION 'the login % is a role of the server, not a sender of case files',
            NEW.login USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END $$;
-- A login names a PostgreSQL role: renaming the record would part it from its role.
CREATE OR REPLACE FUNCTION users_keep_login() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.login IS DISTINCT FROM OLD.login THEN
        RAISE EXCEPTION 'a login does not change on a campus database'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END $$;
DROP TRIGGER IF EXISTS users_sync_login ON users;
CREATE TRIGGER users_sync_login AFTER INSERT OR UPDATE OF active ON users
    FOR EACH ROW EXECUTE FUNCTION users_sync_login();
DROP TRIGGER IF EXISTS user_roles_sync_login ON user_roles;
CREATE TRIGGER user_roles_sync_login AFTER INSERT OR UPDATE OR DELETE ON user_roles
    FOR EACH ROW EXECUTE FUNCTION user_roles_sync_login();
DROP TRIGGER IF EXISTS users_not_a_role ON users;
CREATE TRIGGER users_not_a_role BEFORE INSERT OR UPDATE OF password_hash ON users
    FOR EACH ROW EXECUTE FUNCTION users_not_a_role();
DROP TRIGGER IF EXISTS users_keep_login ON users;
CREATE TRIGGER users_keep_login BEFORE UPDATE OF login ON users
    FOR EACH ROW EXECUTE FUNCTION users_keep_login();

-- Administrators call the two account functions (each checks again); nobody calls
-- the rest directly.
REVOKE ALL ON FUNCTION person_login(TEXT), require_account_admin(), check_verifier(TEXT),
    own_login(TEXT), create_login(TEXT, TEXT), set_login_password(TEXT, TEXT), sync_login(BIGINT),
    users_sync_login(), user_roles_sync_login(), users_keep_login(), users_not_a_role()
    FROM PUBLIC, {USERS};
GRANT EXECUTE ON FUNCTION create_login(TEXT, TEXT), set_login_password(TEXT, TEXT) TO {ADMINS};
"""
