// GENERATED from docs/openapi.json by openapi-typescript: do not edit. After changing the
// document, run `npm run gen:api` in web/ (ctest web.api_types fails while this file is stale).
// src/lib/types.ts names the types the UI uses.

export interface paths {
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Liveness
         * @description Answers while the server runs. No account needed.
         */
        get: operations["getHealthz"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Prometheus metrics
         * @description Text exposition format 0.0.4: `cyberframe_http_requests_total{method,route,status}` (route is the route pattern, `unmatched` for an unknown /api/ path, `web` for the web UI, `OPTIONS`, and `http` for requests the HTTP layer refused), `cyberframe_http_request_seconds_total{route}` and the gauge `cyberframe_catalog_frameworks`. On the main listener it needs an administrator (a session or an administrator's API token); `serve --metrics-listen HOST:PORT` serves it without an account on a separate listener. Any other method than GET or HEAD gets 405.
         */
        get: operations["getMetrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * This document
         * @description No account needed.
         */
        get: operations["getOpenapiJson"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The signed-in account and its CSRF token
         * @description With a bearer token, `csrf_token` is the empty string and `token` says the token's scope, organization and expiry; an organization-limited token shows the account with its role in that organization only.
         */
        get: operations["getSession"];
        put?: never;
        /**
         * Sign in
         * @description Checks the name (without regard to case) and password and starts a session: the response sets the cookie `cf_session` (HttpOnly, SameSite=Strict, Path=/, Max-Age 7 days; under TLS `__Host-cf_session`, Secure) and carries the session's `csrf_token`, which every state-changing request made with the cookie must send as `X-CSRF-Token`. A session ends 7 days after sign-in, or after 12 hours without a request. An unknown name and a wrong password get the same 401 in about the same time. Failures slow the next attempts down instead of locking the account: after 3 failures of one name from one address the next waits 5 s, then 10, 20 ... up to 15 minutes; after 10 failures of a name from anywhere up to 60 s; after 20 from one address up to 5 minutes. While a delay runs the answer is 429 with Retry-After (the password is not checked, so parallel attempts cannot all get through); a 401 that starts a delay carries Retry-After too. Failed sign-ins are in the audit trail (at most one row a minute per name and address, with the count). The right password of a disabled account: 403. At most a few passwords are checked at once: beyond them, after a second's wait, 503 with Retry-After. No account and no CSRF token needed.
         */
        post: operations["postSession"];
        /**
         * Sign out
         * @description Ends the session of the cookie and clears the cookie. With a bearer token it ends nothing (revoke the token with DELETE /api/v1/tokens/{token}) and still answers 204.
         */
        delete: operations["deleteSession"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/session/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Whether the request is signed in
         * @description Always 200: `{"signed_in": false}` when the request carries no session cookie or API token, or one that is no longer valid (ended, expired, revoked, its account disabled); otherwise `signed_in: true` with what GET /api/v1/session answers. The web UI asks this when a page loads, so that nobody being signed in yet is an answer, not an error. GET /api/v1/session, like every route that needs an account, still answers 401 without one. No account needed.
         */
        get: operations["getSessionStatus"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/password-policy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The password rule
         * @description What a password must be, for a form to show and check while it is typed: at least `min_characters` characters, at most `max_bytes` bytes, and not a common password (also decorated with digits, symbols or leetspeak), a keyboard walk or run, a repeated piece, or the account name with digits or symbols around it. The server checks every password it is given (POST /api/v1/users, PUT /api/v1/users/{name}/password, POST /api/v1/session/password) and answers 422 with the reason and `errors[0].field` naming the password field.
         */
        get: operations["getPasswordPolicy"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Sign out everywhere
         * @description Ends every session of the account (every browser), including this one, revokes every API token of the account, and clears the cookie. A read-only token, or one limited to an organization: 403.
         */
        delete: operations["deleteSessions"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The account's API tokens
         * @description The signed-in account's tokens, oldest first, expired ones included until revoked. Secrets are never shown again. Through a token limited to an organization, only the tokens limited to that organization.
         */
        get: operations["getTokens"];
        put?: never;
        /**
         * Create an API token
         * @description Returns the secret (`token`, starting `cf_`) once; only its SHA-256 is stored. Send it as `Authorization: Bearer cf_...`; it needs no CSRF token. Only from a signed-in session: a request made with a token is 403 (a token never makes another, so none outlives or exceeds what a password gave). `scope` is required; the token ends after `expires_in_days` (default 90, at most 365); with `organization` it reaches that organization only. Tokens are revoked by a password change, by sign-out everywhere and when the account is disabled. A blank name, a scope or expiry out of range: 422.
         */
        post: operations["postTokens"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tokens/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Revoke an API token
         * @description Only the account's own tokens: another account's token id is 404 (administrators use DELETE /api/v1/users/{name}/tokens/{token}). Through a token limited to an organization, only the tokens limited to that organization (404 otherwise).
         */
        delete: operations["deleteTokensByToken"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List accounts
         * @description For administrators, who see every account, and for accounts with the admin role in at least one organization, who see only the accounts holding a role in an organization they administer, with those roles only (403 otherwise). Ordered by name without regard to case.
         */
        get: operations["getUsers"];
        put?: never;
        /**
         * Create an account
         * @description Administrators only (403 otherwise, checked before the body). Names are 1-64 letters, digits, '.', '_', '-' or '@', unique without regard to case; passwords: 12 to 1024 characters; not trivial (only spaces, one character or a short piece repeated, a keyboard walk or a run of letters or digits), not the account name with digits or symbols around it, not on the built-in list of common passwords (also with digits, symbols or leetspeak added): 422 with the reason. A name that exists (in any case), or a name or password outside these rules: 422 with the reason.
         */
        post: operations["postUsers"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{name}/disable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Disable an account
         * @description Administrators only. The account cannot sign in (the right password gets 403); its sessions end and its API tokens are revoked at once. Your own account, or the last enabled administrator: 422. Disabling a disabled account changes nothing. Audited.
         */
        post: operations["postUsersByNameDisable"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{name}/enable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Enable an account again
         * @description Administrators only. The account can sign in again; revoked tokens stay revoked. Audited.
         */
        post: operations["postUsersByNameEnable"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{name}/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Reset an account's password
         * @description Administrators only (403 otherwise, also for a token limited to an organization or a read-only token). Sets the account's password to `password`, which follows the password rule (GET /api/v1/password-policy; 422 with the reason and `errors[0].field` "password", nothing changed). Every session of the account ends and every API token of the account is revoked: whoever held the old password holds nothing it gave; the account signs in with the new password and makes new tokens. Your own account: 422 (change your own password with POST /api/v1/session/password, which asks for the current one). A disabled account gets the new password and stays disabled. Unknown account: 404. Audited as `password` on the user, by you, with the number of sessions ended and tokens revoked, never the password.
         */
        put: operations["putUsersByNamePassword"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{name}/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An account's API tokens
         * @description Administrators only (403 otherwise): the tokens of any account, oldest first, without secrets.
         */
        get: operations["getUsersByNameTokens"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{name}/tokens/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Revoke an account's API token
         * @description Administrators only (403 otherwise). A token id that is not one of this account's: 404. Audited.
         */
        delete: operations["deleteUsersByNameTokensByToken"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{name}/roles/{org}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Give an account a role in an organization
         * @description Replaces any role the account had there. Needs the admin role in the organization, or an administrator; without a role there the organization is 404. An unknown account or organization: 404; a role other than admin, editor, auditor or viewer: 422.
         */
        put: operations["putUsersByNameRolesByOrg"];
        post?: never;
        /**
         * Take an account's role in an organization away
         * @description Needs the admin role in the organization, or an administrator. An unknown account, or one without a role there: 404. Answers 200 with the account, not 204.
         */
        delete: operations["deleteUsersByNameRolesByOrg"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/frameworks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the frameworks of the catalog
         * @description With their node counts per level. Any signed-in account; no role needed.
         */
        get: operations["getFrameworks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/frameworks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One framework as a tree
         * @description The same JSON as `cyberframe catalog export ID`.
         */
        get: operations["getFrameworksById"];
        /**
         * Store a new version of a framework
         * @description Needs admin or editor of the organization that owns it; If-Match with its ETag. The new version keeps the framework's id and every node that profiles, snapshots, evidence, comments or mapping sets hold (409 lists those it drops). A document whose text is the one stored already stores nothing: 200 with the framework as it is (the same ETag).
         */
        put: operations["putStoredFramework"];
        post?: never;
        /**
         * Delete a stored framework with every version
         * @description Needs admin or editor of the organization that owns it; If-Match with its ETag. Refused (409) while a profile or mapping set uses it or another stored framework needs it. The audit trail keeps who deleted it and the digest of its text.
         */
        delete: operations["deleteStoredFramework"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/frameworks/{id}/nodes/{node}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One node with its references, parent and children */
        get: operations["getFrameworksByIdNodesByNode"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/references": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Reverse look-up of a standard or clause
         * @description Which framework nodes cite a standard or one of its clauses, directly or through edition mappings and annex mirrors (as `cyberframe catalog refs`). A missing or empty standard: 400; an unknown standard, or a clause not in its clause list: 404.
         */
        get: operations["getReferences"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/scales": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The implementation-level scales
         * @description Every scale in one page (limit and offset are not read), the built-in cyberframe-0-5 first.
         */
        get: operations["getScales"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The organizations you can see
         * @description Those where the account has a role, ordered by name, each with that `role`; administrators see every organization, with role `admin`.
         */
        get: operations["getOrganizations"];
        put?: never;
        /**
         * Create an organization
         * @description Administrators only (403 otherwise, checked before the body). A blank name, a name in use (compared without regard to case), or a name that is only digits, holds '/' or a control or bidirectional control character: 422, nothing stored.
         */
        post: operations["postOrganizations"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{org}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One organization
         * @description Any role in it. Without a role, or unknown: 404.
         */
        get: operations["getOrganizationsByOrg"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{org}/dashboard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The organization's dashboard
         * @description Scores per function and category of the current profile (the one named by `profile`, else the organization's first current profile by name) against the first target profile on the same framework, coverage, the trend of its frozen assessments, the ten largest gaps and the roadmap's counts. Without a current profile, `current` and `target` are null, the lists empty and `overall`, `open_gaps` and `mean_gap` absent; without a target, `open_gaps` and `mean_gap` are absent.
         */
        get: operations["getOrganizationsByOrgDashboard"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{org}/profiles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The organization's profiles
         * @description Ordered by name, each with `assessed`: how many nodes have a level or are marked not applicable.
         */
        get: operations["getOrganizationsByOrgProfiles"];
        put?: never;
        /**
         * Create a profile
         * @description Needs admin or editor in the organization. A framework not in the catalog, a kind other than current or target, an unknown scale, a blank name, a name the organization already uses (compared without regard to case), or a name that is only digits, holds '/' or a control or bidirectional control character: 422, nothing stored.
         */
        post: operations["postOrganizationsByOrgProfiles"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/profiles/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One profile
         * @description With its scale's levels and the number of assessed nodes.
         */
        get: operations["getProfilesById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/profiles/{id}/nodes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The profile's subcategories with their assessments
         * @description Every subcategory of the profile's framework in catalog order (unassessed ones with version 0), with the level of the target profile (`target`: the one given, else the organization's first target profile on the same framework; null when there is none). Filters: `function` (a function id such as PR), `owner` (exact), `gap` (open: below the target and applicable; closed: the others), `q` (case-insensitive text in id, title, description or notes). A target on another framework: 422.
         */
        get: operations["getProfilesByIdNodes"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/profiles/{id}/nodes/{node}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One node's assessment
         * @description A node never assessed comes back with version 0 and ETag "0". Send the ETag as If-Match when you change it.
         */
        get: operations["getProfilesByIdNodesByNode"];
        /**
         * Change one node's assessment
         * @description Needs admin or editor. Only the fields sent change. If-Match is checked before the body (428 missing, 400 malformed); the version after the body (412 with `current` and its ETag). Setting not_applicable true without a level clears the level. A level off the profile's scale, not applicable without a justification, and the other rules of the assessment: 422.
         */
        put: operations["putProfilesByIdNodesByNode"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/profiles/{id}/nodes/{node}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One node's history
         * @description The audit records of the node's assessment, evidence and comments, newest first, at most `limit`. `offset` is not applied and `total` is the number of items returned.
         */
        get: operations["getProfilesByIdNodesByNodeHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/profiles/{id}/nodes/{node}/comments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One node's comments
         * @description Oldest first, all in one page (limit and offset are not read).
         */
        get: operations["getProfilesByIdNodesByNodeComments"];
        put?: never;
        /**
         * Comment on a node
         * @description Needs admin, editor or auditor. A blank comment: 422.
         */
        post: operations["postProfilesByIdNodesByNodeComments"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/profiles/{id}/nodes/{node}/evidence": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Attach evidence to a node
         * @description Needs admin or editor. A link: a JSON body `{name, url}` with Content-Type application/json (the url starting http:// or https://). A file: any other Content-Type, the file's bytes as the body and its name in the query (`?name=policy.pdf`), at most 8 MiB; files are stored once by SHA-256. A missing name, an empty body, a name with a folder or control characters, or a link that is not http(s): 400.
         */
        post: operations["postProfilesByIdNodesByNodeEvidence"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/profiles/{id}/evidence/{sha256}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download an evidence file
         * @description A file attached to any node of the profile.
         */
        get: operations["getProfilesByIdEvidenceBySha256"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/profiles/{id}/gaps": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Gap analysis against a target profile
         * @description The subcategories ranked by gap score (gap x priority weight x risk weight), with function roll-ups in the framework's catalog order (`functions`, as the catalog lists them: GV, ID, PR, DE, RS, RC for NIST CSF 2.0). The target is the one given, else the organization's first target profile on the same framework: none, 404; on another framework or scale, 422. The filter parameters (function, category, priority, min_gap, owner, q) keep only the ranked outcomes that meet every one given, each with its rank in the whole ranking; `total` counts what the filter keeps, `ranked` the whole ranking, and the figures, `open_gaps`, `mean_gap` and `functions` stay the whole profile's. A bad value or an unknown parameter is 400 naming it in `parameter`.
         */
        get: operations["getProfilesByIdGaps"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/profiles/{id}/gaps/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export the gaps
         * @description The ranked gaps the same filter keeps (the parameters of GET /api/v1/profiles/{id}/gaps, without paging) as a file: columns rank, node, level, outcome, current, target, gap, priority, owner, score, one row per outcome in rank order, each with its rank in the whole ranking. CSV per RFC 4180 with a UTF-8 BOM and CRLF; a cell beginning with =, +, -, @, a tab or a carriage return gets an apostrophe in front so that a spreadsheet never runs it as a formula (plain numbers such as -1 excepted). XLSX: one sheet, Gaps, text as text (never formulas), a bold, frozen, filtered header row. The file is named after the profile: NAME-gaps.csv or NAME-gaps.xlsx. A bad value or an unknown parameter is 400 naming it in `parameter`; no target profile, 404.
         */
        get: operations["getProfilesByIdGapsExport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/profiles/{id}/assessments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The profile's frozen assessments
         * @description Oldest first, all in one page (limit and offset are not read).
         */
        get: operations["getProfilesByIdAssessments"];
        put?: never;
        /**
         * Freeze the profile as a dated assessment
         * @description Needs admin or editor; the assessor is the signed-in account. Only a current profile can be frozen, and the name must not be blank (422). `taken_at` (default now) is a real date YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ, else 400 naming the field; a name with '/' or a control or bidirectional control character is 422.
         */
        post: operations["postProfilesByIdAssessments"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/profiles/{id}/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export the profile
         * @description As CSV, XLSX or YAML, one row per node (the same files as `cyberframe profile export`).
         */
        get: operations["getProfilesByIdExport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/profiles/{id}/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import node assessments from a file
         * @description Needs admin or editor. The file is the body (any Content-Type), its format in the query; at most 8 MiB. All rows or none: any problem in the file answers 422 with every problem in `errors` (row, column, message) and imports nothing. Imported rows replace the stored ones without a version check.
         */
        post: operations["postProfilesByIdImport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{org}/actions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The organization's roadmap
         * @description Actions ordered by due date (those without one last), then id.
         */
        get: operations["getOrganizationsByOrgActions"];
        put?: never;
        /**
         * Add an action to the roadmap
         * @description Needs admin or editor. target_level defaults to 3. A blank title, a due date that is not a real date YYYY-MM-DD (2026-02-30), a title or owner with a control or bidirectional control character, effort_days outside 0-10000, a target_level outside 0-5 or an unknown status: 422.
         */
        post: operations["postOrganizationsByOrgActions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/actions/{action}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Change an action
         * @description Needs admin or editor in the action's organization. Only the fields sent change. The version comes from the action's `version` (or the ETag of its creation). If-Match is checked before the body (428 missing, 400 malformed); the version after the body (412 with `current` and its ETag).
         */
        put: operations["putActionsByAction"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/profiles/{id}/what-if": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What-if: the gaps with chosen roadmap actions done
         * @description The function scores, open gaps, mean gap and figures of the profile against its target, now (before) and with the chosen actions done (after), and the outcomes the actions change. The target is the one given, else the organization's first target profile on the same framework (as for the gaps): none, 404; on another framework or scale, 422. An action id that is not a whole number is 400; one that is no action of the profile's organization (none, or another organization's) is 422 naming every such id. Needs a role in the organization (viewer or more). `cyberframe roadmap what-if CURRENT [TARGET] --action ID ... --format json` prints the same answer.
         */
        get: operations["getProfilesByIdWhatIf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{org}/reports/{audience}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A self-contained HTML report
         * @description Of the current profile (`profile`, else the organization's first current profile by name) against the first target profile on its framework, with the assessments' trend and the roadmap. An unknown audience, or no current profile: 404; `profile` naming a target profile: 422.
         */
        get: operations["getOrganizationsByOrgReportsByAudience"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The audit trail
         * @description Administrators only. Newest first, `limit` rows (1-1000, default 100) of ids below `before` that pass every filter given (actor, entity, entity_id, action, from, to; done in the workspace's store, indexed); pass `next_before` as `before` for the next page (null on the last). Each row carries `changes`, its fields that changed with their values before and after. This list has its own shape, not the page of the other lists.
         */
        get: operations["getAudit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Verify the audit trail's keyed hash chain and its anchor
         * @description Administrators only. Recomputes every row's hash (HMAC-SHA256 under the audit key kept outside the database; plain SHA-256 for rows from before keying) and compares the trail's end with the anchor: an edited, removed, reordered or recomputed row, a deleted tail, and a missing or altered anchor all answer intact false.
         */
        get: operations["getAuditVerify"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export the audit trail as CSV or XLSX
         * @description Administrators only. The rows that pass the same filters as GET /api/v1/audit (actor, entity, entity_id, action, from, to), newest first, one line per changed field, so that a spreadsheet sorts and filters on the person, the record or the field; a row that changed no field (a sign-in, an anchoring) is one line with an empty field. Columns: id, time, person, action, kind, record, field, before, after, hash (before and after: a string without its quotes, any other value as JSON, empty when the field did not exist). CSV is RFC 4180 (CRLF line ends, a header line); a cell starting with =, +, -, @, a tab or a carriage return (other than a plain number) gets an apostrophe in front so that no spreadsheet runs it as a formula. XLSX is one sheet, text cells (never formulas), cells cut at Excel's 32,767 characters. Bounded: at most 10,000 audit rows, 100,000 lines and 64 MiB of text; past any of them the answer is 422 saying how many matched, never a file cut short: narrow the filters.
         */
        get: operations["getAuditExport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/session/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Change your password
         * @description Checks the current password (through the same delays as a sign-in: 429 with Retry-After), sets the new one, which follows the rules of POST /api/v1/users (422 with the reason, nothing changed), ends every session and revokes every API token of the account and, when called with the session cookie, starts a new session (new cookie and CSRF token); with a read-write token it answers 204. A read-only token, or one limited to an organization: 403.
         */
        post: operations["changePassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/crosswalks/{from}/{to}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A crosswalk between two catalogs
         * @description Node-to-node relationships from one framework or standard to another, composed across chains of mapping sets with the relationship algebra of docs/crosswalks.md; each with the path that justifies it. With `organization`, that organization's workspace mapping sets join (needs a role there). Computed once per state of the sets, then served from memory.
         */
        get: operations["getCrosswalk"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{org}/mapping-sets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The organization's mapping sets
         * @description Needs a role in the organization.
         */
        get: operations["getMappingSets"];
        put?: never;
        /**
         * Create a mapping set
         * @description Needs admin or editor. The name is a catalog-style id not used by the catalog; source and target are framework or standard ids. A name of digits only, or a title with a control or bidirectional control character, is 422. 422 names the field; 409 when the name is taken.
         */
        post: operations["postMappingSet"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/mapping-sets/{set}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A mapping set with its mappings
         * @description Needs a role in its organization; the ETag is the set's version, which moves with every change to it or its mappings.
         */
        get: operations["getMappingSet"];
        /**
         * Change a set's title or notes
         * @description Needs admin or editor; If-Match with the set's ETag (412 with `current` when stale).
         */
        put: operations["putMappingSet"];
        post?: never;
        /**
         * Delete a set with its mappings
         * @description Needs admin or editor; If-Match with the set's ETag. The audit trail keeps the whole set.
         */
        delete: operations["deleteMappingSet"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/mapping-sets/{set}/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A mapping set as a catalog file
         * @description The set in the catalog's mapping-set YAML format, which loads with `--catalog`.
         */
        get: operations["getMappingSetExport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/mapping-sets/{set}/mappings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add a mapping
         * @description Needs admin or editor. Source and targets must exist in the set's catalogs; no-relationship has no target, the others at least one; rationale at most 2,000 characters. 422 names the field; 409 when the pair is already mapped.
         */
        post: operations["postMapping"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/mapping-sets/{set}/mappings/{mapping}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Change a mapping
         * @description Needs admin or editor; If-Match with the mapping's version (its `version` in the set). Only the fields sent change.
         */
        put: operations["putMapping"];
        post?: never;
        /**
         * Remove a mapping
         * @description Needs admin or editor; If-Match with the mapping's version.
         */
        delete: operations["deleteMapping"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/profiles/{id}/project": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Project a profile onto another framework
         * @description Derives a profile of `to` from this one through the crosswalk (docs/crosswalks.md): covering sources give their level, partial ones a provisional level, no claim leaves a node unassessed, and a node assessed directly in the destination is never overwritten. The destination is `into` (default 'NAME on FRAMEWORK') in the same organization, created when missing (201). Needs admin or editor, or any role with dry_run.
         */
        post: operations["postProfileProject"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/frameworks/{id}/oscal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A framework as an OSCAL catalog
         * @description The framework as an OSCAL 1.2.1 catalog, as `cyberframe oscal export catalog` writes it (docs/oscal-exchange.md). The catalog is read-only, so the same request gives the same bytes while the server runs; it carries an ETag.
         */
        get: operations["getFrameworkOscal"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/catalog/mapping-sets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The catalog's mapping sets
         * @description The mapping sets the catalog files define (edition mappings, crosswalks), each with its source and target catalog item, purpose, method and number of mappings.
         */
        get: operations["getCatalogMappingSets"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/catalog/mapping-sets/{id}/oscal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A catalog mapping set as an OSCAL mapping collection
         * @description The set as an OSCAL 1.2 mapping collection, as `cyberframe oscal export mapping` writes it; with an ETag.
         */
        get: operations["getCatalogMappingSetOscal"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/mapping-sets/{set}/oscal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A workspace mapping set as an OSCAL mapping collection
         * @description Needs a role in the set's organization (viewer). Its last-modified is the set's own, so one version of the set always gives the same document; with an ETag.
         */
        get: operations["getMappingSetOscal"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/profiles/{id}/oscal/assessment-results": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A current profile's assessment as OSCAL assessment results
         * @description Needs a role in the profile's organization (viewer). The profile as it is now, or one of its frozen assessments; a node is satisfied when it reaches the target profile's level for it (with `target`), else the middle of the scale. A frozen assessment always gives the same document and carries an ETag. A target profile is 422.
         */
        get: operations["getProfileOscalAssessmentResults"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/profiles/{id}/oscal/poam": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The roadmap's open actions as an OSCAL POA&M
         * @description Needs a role in the profile's organization (viewer). One POA&M item per open action (planned or in progress) of the organization whose nodes are in the profile's framework, with the gap it closes from the profile's levels. No such action is 422 (a POA&M needs an item).
         */
        get: operations["getProfileOscalPoam"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/oscal/validate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Validate an OSCAL document
         * @description Any signed-in account. Reads the body (its format from the Content-Type; the +json, +xml and +yaml types are accepted too) and checks it against its model and the references within it, as `cyberframe oscal validate`. A document that can be read answers 200 with its problems (`valid` false when there are any); one that cannot be read answers 422 saying where. Nothing is stored.
         */
        post: operations["postOscalValidate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/oscal/convert": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Convert an OSCAL document to JSON, XML or YAML
         * @description Any signed-in account. Reads the body as `validate` does and answers it in the format `to` names, losslessly (as `cyberframe oscal convert`), with the model's media type. Nothing is stored.
         */
        post: operations["postOscalConvert"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{org}/frameworks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The organization's stored frameworks
         * @description Needs a role in the organization. `q` filters by a part of the id or the title, without regard to case.
         */
        get: operations["getStoredFrameworks"];
        put?: never;
        /**
         * Store a framework the organization authored
         * @description Needs admin or editor of the organization. The framework must load on top of the catalog (its id unique in the catalog, its references known); TS 27110 findings are reported, not refused. Every server of the workspace has it in its catalog from its next request.
         */
        post: operations["postStoredFramework"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{org}/frameworks/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import an OSCAL catalog as a stored framework
         * @description Needs admin or editor of the organization. Groups and controls nest into functions, categories, subcategories and statements (docs/oscal-exchange.md); withdrawn controls are skipped. A catalog citing standards the catalog does not know is 422.
         */
        post: operations["postStoredFrameworkImport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/frameworks/check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Check a framework draft (nothing is stored)
         * @description Any signed-in account; a read-only token too. Loads the draft on top of the catalog as the workspace has it and answers its diagnostics and TS 27110 conformance: what the framework editor shows as it is typed. `replacing` names the stored framework a new version would replace (left out of the catalog for the check).
         */
        post: operations["postFrameworkCheck"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/frameworks/{id}/source": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A stored framework with its document
         * @description Any signed-in account (the catalog is the workspace's). 404 for a built-in framework or one of a catalog file, saying so.
         */
        get: operations["getStoredFramework"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/frameworks/{id}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every version of a stored framework, newest first
         * @description Any signed-in account.
         */
        get: operations["getStoredFrameworkVersions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/frameworks/{id}/versions/{version}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One version of a stored framework with its text
         * @description Any signed-in account.
         */
        get: operations["getStoredFrameworkVersion"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{org}/risk-criteria": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The risk criteria the organization can use
         * @description Any role in the organization (viewers and auditors included). The built-in sets (cyberframe-5x5, cyberframe-3x3) and the organization's own, each at its newest version. An unknown parameter is 400 naming it.
         */
        get: operations["getOrganizationsByOrgRiskCriteria"];
        put?: never;
        /**
         * Store new risk criteria of the organization
         * @description Needs admin of the organization (or an administrator). The body is a whole set (as GET returns one); its id must not be a built-in set's or one already stored (409). Any problem of the set (a matrix that is not N×M, a level that falls as likelihood or consequence rises, an unknown level id, a missing member, an unknown member) is 422 with every problem in `errors`, each naming its path.
         */
        post: operations["postOrganizationsByOrgRiskCriteria"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{org}/risk-criteria/{criteria}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One set of risk criteria
         * @description Any role in the organization (viewers and auditors included). A built-in set or one of the organization's (another organization's is 404). The ETag is its version. An unknown parameter is 400 naming it.
         */
        get: operations["getOrganizationsByOrgRiskCriteriaByCriteria"];
        /**
         * Store a new version of the organization's risk criteria
         * @description Needs admin of the organization (or an administrator). The body is the whole set (its `id` is the path's); every save is a new version and every version is kept. Risks keep the version they were scored under until re-scored (POST .../risks/{risk}/rescore). A built-in set or another organization's is 404.
         */
        put: operations["putOrganizationsByOrgRiskCriteriaByCriteria"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{org}/assets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The asset inventory
         * @description Any role in the organization (viewers and auditors included). Ordered by ref; retired assets only with include_retired=true. An unknown parameter or kind is 400 naming it.
         */
        get: operations["getOrganizationsByOrgAssets"];
        put?: never;
        /**
         * Add an asset
         * @description Needs admin or editor of the organization. A ref already used in the organization (without regard to case) is 409; a parent or dependency that is not the organization's asset, a security need outside 0-4 or an unknown kind is 422 naming the field.
         */
        post: operations["postOrganizationsByOrgAssets"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{org}/assets/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export the asset inventory
         * @description Any role in the organization (viewers and auditors included). CSV (UTF-8 with a BOM, formulas neutralised with an apostrophe) or XLSX, with the columns POST .../register/import?kind=assets reads: an export imports again unchanged. Named ORGANIZATION-assets.csv or .xlsx.
         */
        get: operations["getOrganizationsByOrgAssetsExport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{org}/assets/{asset}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One asset
         * @description Any role in the organization (viewers and auditors included). The ETag is its version.
         */
        get: operations["getOrganizationsByOrgAssetsByAsset"];
        /**
         * Change an asset
         * @description Needs admin or editor of the organization. Only the fields sent change. If-Match is checked before the body (428 missing, 400 malformed); the version after it (412 with `current`). A parent that would make a loop (the asset itself, directly or through others) is 422 naming parent.
         */
        put: operations["putOrganizationsByOrgAssetsByAsset"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{org}/controls": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The organization's own controls
         * @description Any role in the organization (viewers and auditors included). Ordered by ref, retired ones included. An unknown parameter is 400 naming it.
         */
        get: operations["getOrganizationsByOrgControls"];
        put?: never;
        /**
         * Add an own control
         * @description Needs admin or editor of the organization. It joins the Statement of Applicability as a row of its own. A ref of Annex A's form (A.*) or an unknown outcome is 422 naming the field; a ref already used, 409.
         */
        post: operations["postOrganizationsByOrgControls"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{org}/controls/{control}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Change an own control
         * @description Needs admin or editor of the organization. Only the fields sent change; If-Match with its version (428, 400, 412 with `current`).
         */
        put: operations["putOrganizationsByOrgControlsByControl"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{org}/risks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The risk register
         * @description Any role in the organization (viewers and auditors included). Ordered by ref; closed risks only with include_closed=true. A bad value or an unknown parameter is 400 naming it in `parameter`.
         */
        get: operations["getOrganizationsByOrgRisks"];
        put?: never;
        /**
         * Add a risk to the register
         * @description Needs admin or editor of the organization. Scored under the newest version of its criteria (cyberframe-5x5 unless `criteria` says). A ref already used is 409; unknown criteria, a score off the matrix, an unknown consequence type, control, asset or action, or an unknown treatment or status is 422 naming the field.
         */
        post: operations["postOrganizationsByOrgRisks"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{org}/risks/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export the risk register
         * @description Any role in the organization (viewers and auditors included). CSV (UTF-8 with a BOM, formulas neutralised with an apostrophe) or XLSX, with the columns POST .../register/import?kind=risks reads: an export imports again unchanged. Named ORGANIZATION-risks.csv or .xlsx.
         */
        get: operations["getOrganizationsByOrgRisksExport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{org}/risks/{risk}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One risk
         * @description Any role in the organization (viewers and auditors included). With its levels and the state of its decisions; the ETag is its version.
         */
        get: operations["getOrganizationsByOrgRisksByRisk"];
        /**
         * Change a risk
         * @description Needs admin or editor of the organization. Only the fields sent change; the same rules as a new risk. If-Match is checked before the body (428 missing, 400 malformed); the version after it (412 with `current`). A change of the material state (criteria version, scores, treatment, plan, owner) makes its decisions stale.
         */
        put: operations["putOrganizationsByOrgRisksByRisk"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{org}/risks/{risk}/rescore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Re-score a risk under the newest version of its criteria
         * @description Without apply: a dry run any role may ask for, which changes nothing. With apply=true: needs admin or editor and If-Match (428, 412), and stores the risk under the newest version when anything moves.
         */
        post: operations["postOrganizationsByOrgRisksByRiskRescore"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{org}/risks/{risk}/decisions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record a decision of the risk owner
         * @description Needs admin or editor of the organization. An approval of the treatment plan, an acceptance of the residual risk or an exception, bound to the risk's material state now (stale once it changes). An acceptance or exception without `expires`, a past or impossible date, a blank justification or an unknown kind is 422 naming the field.
         */
        post: operations["postOrganizationsByOrgRisksByRiskDecisions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{org}/risk-heatmap": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The heat map of open risks
         * @description Any role in the organization (viewers and auditors included). The open risks scored under one set of criteria (default: cyberframe-5x5), counted per cell for the inherent, current and residual scores. Criteria that are unknown or another organization's are 400 naming the parameter, as is an unknown parameter.
         */
        get: operations["getOrganizationsByOrgRiskHeatmap"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{org}/risk-check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The traceability checks
         * @description Any role in the organization (viewers and auditors included). Excluded controls in treatment plans, risks above appetite untreated or without an approved plan, expired or stale decisions, controls implemented on paper below their outcomes' targets, applicable rows without a reason. Each finding names the risk and the control. An unknown parameter is 400 naming it.
         */
        get: operations["getOrganizationsByOrgRiskCheck"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{org}/decisions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The risk owners' decisions
         * @description Any role in the organization (viewers and auditors included). Newest first, each with whether it is stale (the risk changed since), expired or revoked.
         */
        get: operations["getOrganizationsByOrgDecisions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{org}/decisions/{decision}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Revoke a decision
         * @description Needs admin or editor of the organization. A decision is never deleted; revoking records who and when. Revoking one already revoked is 409.
         */
        post: operations["postOrganizationsByOrgDecisionsByDecisionRevoke"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{org}/register/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import assets or risks from a file
         * @description Needs admin or editor of the organization. The file is the body (any Content-Type), at most 8 MiB, in the columns the exports write. All rows or none: the file's own rules are checked first (every bad cell), then the workspace's (a ref already used, criteria that are unknown or another organization's, a score off the matrix, a control or asset that does not exist); any problem answers 422 `Nothing imported` with every problem in `errors` (`{"message": "risks row 4, column ...: ..."}`) and stores nothing.
         */
        post: operations["postOrganizationsByOrgRegisterImport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{org}/soa": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The Statement of Applicability
         * @description Any role in the organization (viewers and auditors included). One line per Annex A control of ISO/IEC 27001:2022 and per own control, with the reasons for inclusion, the risks whose treatment uses it and the implementation status derived from the assessments; the figures; every version.
         */
        get: operations["getOrganizationsByOrgSoa"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{org}/soa/diff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What changed between two versions of the SoA
         * @description Any role in the organization (viewers and auditors included). Each row added, removed or changed, with the fields that changed.
         */
        get: operations["getOrganizationsByOrgSoaDiff"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{org}/soa/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export the Statement of Applicability
         * @description Any role in the organization (viewers and auditors included). html: a print-ready page (A4 landscape, grouped by theme, with the figures and a DRAFT mark until approved); csv (UTF-8 with a BOM); xlsx. Named ORGANIZATION-statement-of-applicability.FORMAT.
         */
        get: operations["getOrganizationsByOrgSoaExport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{org}/soa/rows/{control}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Change a row of the SoA
         * @description Needs admin or editor of the organization. Writes to the newest version while it is a draft; after an approval the change starts the next version as a draft. An excluded row without a justification, an unknown reason or control is 422 naming the field.
         */
        put: operations["putOrganizationsByOrgSoaRowsByControl"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{org}/soa/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Approve a draft of the SoA
         * @description Needs admin of the organization (or an administrator). Freezes the draft (who, when, the note); the next change of a row starts the next version as a draft. A number that is not the newest draft, or a draft in which an applicable control has no reason for its inclusion (named), is 422; a version approved already is 409.
         */
        post: operations["postOrganizationsByOrgSoaApprove"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{org}/risk-summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The figures a board asks for
         * @description Any role in the organization. Open risks, above appetite, by level, reviews overdue, decisions stale, expired or expiring within 30 days, plans not approved, the traceability findings and the SoA's newest version: the same computation as `cyberframe risk summary`. An unknown parameter is 400 naming it.
         */
        get: operations["getOrganizationsByOrgRiskSummary"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{org}/risk-baselines": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The organization's baselines
         * @description Any role in the organization. Newest first.
         */
        get: operations["getOrganizationsByOrgRiskBaselines"];
        put?: never;
        /**
         * Take a baseline
         * @description Editors and admins. Freezes the register (every risk with its levels, closed ones too) and the newest SoA version's rows under a name unique in the organization (409 when taken).
         */
        post: operations["postOrganizationsByOrgRiskBaselines"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{org}/risk-baselines/{baseline}/compare": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What changed since a baseline
         * @description Any role in the organization. Risks new since, changed (the fields that differ) and closed since, and the SoA rows that changed.
         */
        get: operations["getOrganizationsByOrgRiskBaselinesByBaselineCompare"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/isms/registers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The ISMS registers' descriptors
         * @description Any signed-in account. Every register with its clause, ref prefix, statuses and typed fields, and the processes of the RACI.
         */
        get: operations["getIsmsRegisters"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{org}/isms": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Records per register
         * @description Any role in the organization (viewers and auditors included). Every register's key with its count of live records (the figures of `cyberframe isms list`).
         */
        get: operations["getOrganizationsByOrgIsms"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{org}/isms-raci": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The RACI matrix
         * @description Any role in the organization (viewers and auditors included). The live roles' RACI over the ISMS's processes, with a warning for each process that has several accountable roles or none.
         */
        get: operations["getOrganizationsByOrgIsmsRaci"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{org}/isms/{register}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A register's records
         * @description Any role in the organization (viewers and auditors included). Filtered and paged in the store, by ref. `deleted=true` lists the deleted records instead and needs admin of the organization. An unknown register is 404 naming the registers.
         */
        get: operations["getOrganizationsByOrgIsmsByRegister"];
        put?: never;
        /**
         * Add a record
         * @description Needs admin or editor of the organization (and auditors, for a register whose `auditors_write` is true: the findings of an audit). Its ref is the register's next PREFIX-NNN unless `ref` is given (a ref already used in the register is 409). Every field is checked by its kind (an enum's values, a real date, a number); required fields, links to what exists (a framework node, a risk, an Annex A or own control, a live record), record-ref fields to live records of their register, and the register's own rules: 422 naming the field. An approvable record starts as a draft; `approved` is set by approving.
         */
        post: operations["postOrganizationsByOrgIsmsByRegister"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{org}/isms/{register}/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export a register
         * @description Any role in the organization (viewers and auditors included). The live records as CSV (default) or XLSX: ref, title, status, owner, the fields, links; imports again unchanged.
         */
        get: operations["getOrganizationsByOrgIsmsByRegisterExport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{org}/isms/{register}/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import records from a file
         * @description Needs admin or editor of the organization (and auditors, for a register whose `auditors_write` is true: the findings of an audit). The file is the body (CSV or XLSX, the columns of the export, matched by name; title required). All rows or none: any problem answers 422 `Nothing imported` with every problem in `errors` as `{row, column, message}` and stores nothing. A row whose ref names a live record updates it; any other creates one.
         */
        post: operations["postOrganizationsByOrgIsmsByRegisterImport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{org}/isms/{register}/{ref}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One record
         * @description Any role in the organization (viewers and auditors included). The ETag is its version. A deleted record is 404 except to an admin of the organization.
         */
        get: operations["getOrganizationsByOrgIsmsByRegisterByRef"];
        /**
         * Change a record
         * @description Needs admin or editor of the organization (and auditors, for a register whose `auditors_write` is true: the findings of an audit). Only the members sent change (fields member by member, null clears one; links replace the list); the same rules as a new record. If-Match is checked before the body (428 missing, 400 malformed), the version after it (412 with `current`). An edit of an approved record starts its next revision as a draft; `status: approved` cannot be sent (422).
         */
        put: operations["putOrganizationsByOrgIsmsByRegisterByRef"];
        post?: never;
        /**
         * Delete a record (softly)
         * @description Needs admin or editor of the organization (and auditors, for a register whose `auditors_write` is true: the findings of an audit). The record is kept, hidden from lists and counts, and restorable by an admin. If-Match required (428, 412 with `current`).
         */
        delete: operations["deleteOrganizationsByOrgIsmsByRegisterByRef"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{org}/isms/{register}/{ref}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Restore a deleted record
         * @description Needs admin of the organization. If-Match is checked when given (412 with `current`); a record that is not deleted is 422.
         */
        post: operations["postOrganizationsByOrgIsmsByRegisterByRefRestore"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{org}/isms/{register}/{ref}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Approve a record's revision
         * @description Needs admin or editor of the organization. Approvable registers only (scope, policies; others 422). Records the approver and the time; a revision already approved is 409. If-Match is checked when given (412 with `current`).
         */
        post: operations["postOrganizationsByOrgIsmsByRegisterByRefApprove"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{org}/isms/{register}/{ref}/comments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A record's comments
         * @description Any role in the organization (viewers and auditors included). Oldest first.
         */
        get: operations["getOrganizationsByOrgIsmsByRegisterByRefComments"];
        put?: never;
        /**
         * Comment on a record
         * @description Needs admin, editor or auditor of the organization (auditors comment; viewers read).
         */
        post: operations["postOrganizationsByOrgIsmsByRegisterByRefComments"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{org}/isms/{register}/{ref}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A record's saved versions
         * @description Any role in the organization (viewers and auditors included). Every version as it was saved, oldest first: an approved revision stays readable after the next one starts.
         */
        get: operations["getOrganizationsByOrgIsmsByRegisterByRefHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{org}/measurements/{measurement}/values": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A measurement's values
         * @description Any role in the organization (viewers and auditors included). Oldest first, paged; `from` and `to` (YYYY-MM-DD, inclusive) keep the dates between them (400 for a date that is not one, or from after to).
         */
        get: operations["getOrganizationsByOrgMeasurementsByMeasurementValues"];
        put?: never;
        /**
         * Record a value
         * @description Needs admin or editor of the organization. One value per measurement and date: a second one for the date is 409 (correct the first with PUT). A date that does not exist, a note over 2,000 bytes: 422 naming the field; a value that is not a number: 400.
         */
        post: operations["postOrganizationsByOrgMeasurementsByMeasurementValues"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{org}/measurements/{measurement}/values/{date}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One value
         * @description Any role in the organization. The ETag is its version.
         */
        get: operations["getOrganizationsByOrgMeasurementsByMeasurementValuesByDate"];
        /**
         * Correct a value
         * @description Needs admin or editor of the organization. Its value and note (only those sent change; the date is not changed: 422 when `date` differs). If-Match is checked before the body (428 missing); the version after it (412 with `current`). The audit trail keeps the value before.
         */
        put: operations["putOrganizationsByOrgMeasurementsByMeasurementValuesByDate"];
        post?: never;
        /**
         * Delete a value
         * @description Needs admin or editor of the organization, with If-Match (428 missing, 412 stale). The audit trail keeps the value deleted.
         */
        delete: operations["deleteOrganizationsByOrgMeasurementsByMeasurementValuesByDate"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{org}/measurements/{measurement}/series": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A measurement's series with statuses
         * @description Any role in the organization. What a chart draws: the measurement's unit, direction, target and threshold, the trend, and every value (oldest first, within `from`..`to`) with its status: `met` on the target's side (the target included), `warning` between target and threshold (the threshold included), `breached` past the threshold; null without a target.
         */
        get: operations["getOrganizationsByOrgMeasurementsByMeasurementSeries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{org}/measurements/{measurement}/chart.svg": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A measurement's series as an SVG chart
         * @description Any role in the organization. The series' line chart as the reports draw it (report/measurement_chart.hpp): target and threshold lines, each point coloured by its status.
         */
        get: operations["getOrganizationsByOrgMeasurementsByMeasurementChartSvg"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{org}/measurement-values/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import measurement values from a file
         * @description Needs admin or editor of the organization. The file is the body (any Content-Type), CSV or XLSX with the columns measurement, date, value, note (by name, any order; the first three required). All rows or none: any problem (a ref that is not one or that the register lacks, a date that does not exist, a value that is not a number, the same measurement and date twice) answers 422 `Nothing imported` with every bad row in `errors` as `{row, column, message}` and stores nothing. A row for a date already recorded corrects that value; the same value again is counted unchanged.
         */
        post: operations["postOrganizationsByOrgMeasurementValuesImport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{org}/measurement-values/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export measurement values
         * @description Any role in the organization. Every value (or one measurement's) by measurement and date, in the import's columns: an exported file imports again unchanged.
         */
        get: operations["getOrganizationsByOrgMeasurementValuesExport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{org}/objectives-progress": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The objectives' progress
         * @description Any role in the organization. Each objective with its measurement's latest value: `off-track` when the due date has passed and it is not achieved, when the latest value is past the threshold, or when no value lies within the last two periods of the measurement's frequency; `no-data` without a value (or abandoned); else `on-track`. `reason` says which rule decided.
         */
        get: operations["getOrganizationsByOrgObjectivesProgress"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{org}/documents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The register of documents
         * @description Any role in the organization (viewers and auditors included). A page of the organization's live documents by ref, filtered (each without its versions: GET .../documents/{ref} has them). `deleted=true` lists the deleted ones instead and needs admin of the organization. `overdue` is a published document whose next review is before today.
         */
        get: operations["getOrganizationsByOrgDocuments"];
        put?: never;
        /**
         * Add a document
         * @description Needs admin or editor of the organization. Version 1 starts as a draft by the caller, without a file (PUT .../versions/1/file attaches it). An empty or absent ref is given the next DOC-NNN. Links are `node:FRAMEWORK:NODE` (a node of the catalog) or `risk:REF` (a risk of the organization).
         */
        post: operations["postOrganizationsByOrgDocuments"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{org}/documents/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export the register of documents
         * @description Any role in the organization (viewers and auditors included). The metadata of every live document (never the files) as CSV (UTF-8 with a BOM, formulas neutralised) or XLSX, in the columns POST .../documents/import reads. Named ORGANIZATION-documents.csv or .xlsx.
         */
        get: operations["getOrganizationsByOrgDocumentsExport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{org}/documents/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import the register of documents
         * @description Needs admin or editor of the organization. The file is the body (any Content-Type), at most 8 MiB, CSV or XLSX in the export's columns (state and published_version are ignored). A row whose ref is stored changes that document's metadata; the others are added (an empty ref: the next DOC-NNN) with version 1 a draft. All rows or none: any problem answers 422 `Nothing imported` with every problem in `errors` as `{row, column, message}` (row 0: the file as a whole) and stores nothing.
         */
        post: operations["postOrganizationsByOrgDocumentsImport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{org}/documents/{ref}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One document
         * @description Any role in the organization (viewers and auditors included). With every version (its file's name, media type, size and SHA-256) and whether it is overdue for review; the ETag is the document's version, which every change moves (metadata and workflow alike). `deleted=true` shows a deleted one (admins).
         */
        get: operations["getOrganizationsByOrgDocumentsByRef"];
        /**
         * Change a document's metadata
         * @description Needs admin or editor of the organization. Only the fields sent change (ref, title, type, owner, classification, review interval, next review, retention, distribution, links); never a version or its file. If-Match is checked before the body's rules (428 missing, 400 malformed); a stale one is 412 with `current`.
         */
        put: operations["putOrganizationsByOrgDocumentsByRef"];
        post?: never;
        /**
         * Delete a document
         * @description Needs admin of the organization. Kept and hidden: listed with deleted=true and restorable (POST .../restore). Answers the document as it is now.
         */
        delete: operations["deleteOrganizationsByOrgDocumentsByRef"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{org}/documents/{ref}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Restore a deleted document
         * @description Needs admin of the organization. It is live again, as it was. 422 when it is not deleted.
         */
        post: operations["postOrganizationsByOrgDocumentsByRefRestore"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{org}/documents/{ref}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The versions of a document
         * @description Any role in the organization (viewers and auditors included). Oldest first, each with its state, file, author, reviewer, approver and times; the ETag is the document's version.
         */
        get: operations["getOrganizationsByOrgDocumentsByRefVersions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{org}/documents/{ref}/versions/{number}/file": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download a version's file
         * @description Any role in the organization (viewers and auditors included). The file as stored, with the media type its name says (application/octet-stream for a name of no known document type, so that nothing a browser would run is served as such), Content-Disposition attachment with its name, and a sandboxing Content-Security-Policy.
         */
        get: operations["getOrganizationsByOrgDocumentsByRefVersionsByNumberFile"];
        /**
         * Attach a file to a draft version
         * @description Needs admin or editor of the organization. The file is the body (any Content-Type; its media type is decided by `name`), at most 8 MiB: a larger body is refused with 413 before it is read. Only a draft's file changes: a version in review, approved or published is refused with 422 (a published version is never edited: POST .../revise starts the next). The file is kept once per content, by its SHA-256; the audit row holds the hash, never the bytes.
         */
        put: operations["putOrganizationsByOrgDocumentsByRefVersionsByNumberFile"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{org}/documents/{ref}/submit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Submit the draft for review
         * @description Needs admin or editor of the organization. The draft (with a file) goes in review; `reviewer` names who reviews it (when none is named the approver is recorded as the reviewer). A document with no draft: 422 naming its state.
         */
        post: operations["postOrganizationsByOrgDocumentsByRefSubmit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{org}/documents/{ref}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Approve the version in review
         * @description Needs admin or editor of the organization. The caller is recorded as the approver (and as the reviewer when none was named) and the version is published at once, unless `hold` is true. When the organization's setting self-approval is forbid, the version's author cannot approve it (422 at `approver`). The next review is the publication date plus the review interval, unless `next_review` is given.
         */
        post: operations["postOrganizationsByOrgDocumentsByRefApprove"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{org}/documents/{ref}/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Publish the approved version
         * @description Needs admin or editor of the organization. The version published before is superseded. The next review is the publication date plus the review interval, unless `next_review` is given.
         */
        post: operations["postOrganizationsByOrgDocumentsByRefPublish"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{org}/documents/{ref}/revise": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start the next version
         * @description Needs admin or editor of the organization. The next version starts as a draft by the caller, without a file (PUT .../versions/{number}/file attaches it); the published one stays what readers have until the new one is published. Refused (422) when nothing is published or a version is in progress.
         */
        post: operations["postOrganizationsByOrgDocumentsByRefRevise"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{org}/documents/{ref}/retire": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Retire a document
         * @description Needs admin or editor of the organization. Its published version and any in progress are retired; a retired document takes no further step.
         */
        post: operations["postOrganizationsByOrgDocumentsByRefRetire"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{org}/documents/{ref}/acknowledge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Acknowledge the published version
         * @description Any role in the organization (viewers and auditors included). Any role may: it records that the caller (a person of the document's distribution) read the version published now, and changes nothing of the document (no If-Match). A second acknowledgement answers the first. 422 when the caller is not in the distribution or nothing is published.
         */
        post: operations["postOrganizationsByOrgDocumentsByRefAcknowledge"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{org}/documents/{ref}/acks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Who acknowledged the published version
         * @description Any role in the organization (viewers and auditors included). Every person of the distribution with the time of their acknowledgement of the version published now, or null when not yet.
         */
        get: operations["getOrganizationsByOrgDocumentsByRefAcks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{org}/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The organization's settings
         * @description Any role in the organization (viewers and auditors included). Every setting with its value (the default when never set): `self-approval` allow (default) or forbid.
         */
        get: operations["getOrganizationsByOrgSettings"];
        /**
         * Change the organization's settings
         * @description Needs admin of the organization. The settings sent change; an unknown value is 422 naming the setting. Audited (entity organization-settings).
         */
        put: operations["putOrganizationsByOrgSettings"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{org}/isms/due": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What the ISMS has due
         * @description Any role in the organization (viewers and auditors included). Most overdue first: documents published and past their review date, objectives off track (their measurement's latest value past the threshold, their due date passed unachieved, or no value in the last two periods), competence and obligation reviews past their date, awareness programmes past their due date and incomplete, planned changes past their date, a scope whose revision is not approved, actions open past their due date, audits planned within the next 30 days (or late), re-assessments due within 30 days or overdue, the management review when none was held in the last 12 months, nonconformities not closed with an action past its date, risk acceptances and exceptions expiring within 30 days or expired (the newest of each kind on a risk, not revoked), and each person of a published document's distribution who has not acknowledged it (the item's owner is that person). The same list as `cyberframe isms due`.
         */
        get: operations["getOrganizationsByOrgIsmsDue"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{org}/isms/readiness": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Certification readiness (ISO/IEC 27001:2022 clauses 4-10)
         * @description Any role in the organization (viewers and auditors included). Each of the 30 requirements of ISO/IEC 27001:2022 clauses 4 to 10 (the framework `iso-iec-27001-2022-isms`, 4.1 to 10.2) with its status (`met`, `partial`: evidence with something wrong with it, `missing`: no evidence an auditor accepts), the records that evidence it (register records, documents, the risk register, the SoA's versions, measurements) with their state, and what is missing, in sentences beginning with the clause. Computed from the workspace, never typed; the same as `cyberframe isms readiness`. With `format=csv` (one row per requirement and evidence) or `format=html` (a print-ready page) it is an export.
         */
        get: operations["getOrganizationsByOrgIsmsReadiness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/work": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * My work: what is due for me
         * @description What is due for the signed-in account, across every organization it has a role in (all of them for an administrator; the token's organization for a token limited to one), or in `organization`: the items of GET /organizations/{org}/isms/due whose owner (or an audit's lead or auditors, or the person to acknowledge a document) names the account by its name, one of its aliases or its e-mail address, without regard to case. Most overdue first.
         */
        get: operations["getMeWork"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{name}/person": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An account's e-mail address and aliases
         * @description Your own account, or any for an administrator (404 for another's, as for one that does not exist). The ETag is the person's version.
         */
        get: operations["getUsersByNamePerson"];
        /**
         * Set an account's e-mail address and aliases
         * @description Your own account, or any for an administrator. `email` "" removes the address; `aliases` replaces the names the account is known by in owner fields (at most 20, one line each, none twice without regard to case). 422 naming the problem. With If-Match, 412 when the person changed since. Audited as `person`.
         */
        put: operations["putUsersByNamePerson"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{name}/calendar-token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Make a new calendar feed address
         * @description Your own account, or any for an administrator. Makes a new secret (replacing the one before, whose address then answers 404) and answers it once, with the path of the feed (GET /api/v1/calendar/{file}). Only its SHA-256 is stored. A read-only token gets 403.
         */
        post: operations["postUsersByNameCalendarToken"];
        /**
         * Stop the calendar feed
         * @description Your own account, or any for an administrator: the feed's address answers 404 from now on. 404 when there is none.
         */
        delete: operations["deleteUsersByNameCalendarToken"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/calendar/{file}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A person's calendar feed (iCalendar)
         * @description No account needed: the secret in the path is the credential (POST /api/v1/users/{name}/calendar-token). RFC 5545 text: one all-day VEVENT per dated item of the person's work (as GET /api/v1/me/work, every organization the account sees), with a UID stable across requests. Anything but a live secret followed by `.ics` (unknown, replaced, removed, a disabled account, a query string) is the same 404, without saying which.
         */
        get: operations["getCalendarByFile"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{org}/isms/audits/{ref}/checklist": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Draw an audit's checklist from a framework
         * @description Needs admin or editor of the organization. Appends to the audit's checklist the requirements the framework assesses (its leaves: ISO/IEC 27001 clauses, Annex A controls, any framework's outcomes), all of them or those under `under`, as FRAMEWORK:NODE items; items already there are kept, none twice. An unknown framework or node is 422 naming `framework` or `under`; more than 100 items is 422 naming `checklist`. If-Match is checked when given (412 with `current`).
         */
        post: operations["postOrganizationsByOrgIsmsAuditsByRefChecklist"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{org}/isms/audits/{ref}/report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An audit's report (HTML)
         * @description Any role in the organization (viewers and auditors included). One self-contained HTML page (no scripts, no external resources): the audit, its programme, criteria, scope, auditors, the processes audited with their owners, the checklist, the findings by grade with requirement and evidence, and the nonconformities they raised with their state and corrective actions.
         */
        get: operations["getOrganizationsByOrgIsmsAuditsByRefReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{org}/reviews/prepare": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Prepare a management review's inputs
         * @description Any role in the organization (viewers and auditors included). The inputs of ISO/IEC 27001:2022 9.3.2 a-g (keys a to g) and the framework profile's progress (key profile), assembled now from the workspace since the last review held, each with the records it drew from. The review is the one named (review) or the next not held (the earliest by date); a held review's frozen inputs are at GET .../reviews/{ref}/inputs.
         */
        get: operations["getOrganizationsByOrgReviewsPrepare"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{org}/reviews/{ref}/inputs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A management review's inputs
         * @description Any role in the organization (viewers and auditors included). The frozen inputs of a held review (frozen true, with held_at and held_by), never assembled again; for a review not held yet, its inputs as prepared now.
         */
        get: operations["getOrganizationsByOrgReviewsByRefInputs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{org}/reviews/{ref}/hold": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Hold a management review
         * @description Needs admin or editor of the organization. Freezes the review's inputs as they are prepared now and sets the review held, in one transaction; the frozen inputs never change afterwards. A review is held once: 409 after.
         */
        post: operations["postOrganizationsByOrgReviewsByRefHold"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{org}/reviews/{ref}/actions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A management review's actions
         * @description Any role in the organization (viewers and auditors included). The actions recorded as outputs of the review (9.3.3): records of the actions register linked record:reviews/REF.
         */
        get: operations["getOrganizationsByOrgReviewsByRefActions"];
        put?: never;
        /**
         * Record an output of a management review
         * @description Needs admin or editor of the organization. An action of the actions register: type review-output, status open, linked record:reviews/REF.
         */
        post: operations["postOrganizationsByOrgReviewsByRefActions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{org}/reviews/{ref}/minutes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A management review's minutes
         * @description Any role in the organization (viewers and auditors included). The minutes as HTML (default) or XLSX: the review, its attendees and agenda, the inputs a-g with their records, the profile's progress, the decisions and the actions.
         */
        get: operations["getOrganizationsByOrgReviewsByRefMinutes"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description RFC 9457 problem details (application/problem+json) */
        Problem: {
            /**
             * @description Always about:blank
             * @example about:blank
             */
            type: string;
            /** @description A short summary: the same for every problem of a kind */
            title: string;
            /** @description The HTTP status */
            status: number;
            /** @description What was wrong and what to change */
            detail: string;
            /** @description Every problem found, for a body that was not accepted and for an import */
            errors?: ({
                field: string;
                message: string;
            } | {
                row: number;
                column: string;
                message: string;
            } | components["schemas"]["CatalogDiagnostic"] | {
                message: string;
            })[];
            /** @description For 412: the record as it is stored now (a node assessment, an action, a mapping set or a mapping, a stored framework, risk criteria, an asset, an own control, a risk, an SoA row, an ISMS record, a measurement value, a document or a person) */
            current?: components["schemas"]["NodeAssessment"] | components["schemas"]["Action"] | components["schemas"]["MappingSet"] | components["schemas"]["Mapping"] | components["schemas"]["StoredFramework"] | components["schemas"]["RiskCriteria"] | components["schemas"]["Asset"] | components["schemas"]["OwnControl"] | components["schemas"]["Risk"] | components["schemas"]["SoaLine"] | components["schemas"]["IsmsRecord"] | components["schemas"]["MeasurementValue"] | components["schemas"]["Document"] | components["schemas"]["Person"];
            /** @description The member of the JSON body at fault (409 and 422 of mapping sets and projection) */
            field?: string;
            /** @description The query parameter at fault (400 Bad query parameter) */
            parameter?: string;
            /** @description For 409 Already mapped: the mapping that already maps the pair */
            mapping?: number;
            /**
             * @description For 422 Not an OSCAL document: the format the body was read as
             * @enum {string}
             */
            format?: "json" | "xml" | "yaml";
            /** @description For 422 Not an OSCAL document: where the text is malformed */
            line?: number;
            column?: number;
            /** @description For 422 Not an OSCAL document: the JSON pointer of a member that is not valid OSCAL */
            path?: string;
            /** @description For 422 of a framework that does not load: its TS 27110 check */
            ts_27110?: components["schemas"]["Conformance"] | null;
            /** @description For 422 of a framework that does not load: the text checked */
            yaml?: string;
        };
        /** @description A page of a list */
        Page: {
            items: unknown[];
            /** @description Items in the whole list (after filters) */
            total: number;
            /** @description Items skipped */
            offset: number;
            /** @description Most items in this page */
            limit: number;
        };
        Health: {
            /** @constant */
            status: "ok";
        };
        /** @description An account and its role per organization */
        User: {
            name: string;
            administrator: boolean;
            roles: {
                organization: number;
                organization_name: string;
                /** @enum {string} */
                role: "admin" | "editor" | "auditor" | "viewer";
            }[];
            /**
             * @description UTC, YYYY-MM-DDTHH:MM:SSZ
             * @example 2026-03-31T12:00:00Z
             */
            created_at: string;
            /** @description A disabled account cannot sign in; its sessions ended and its tokens were revoked when it was disabled */
            disabled: boolean;
            /** @description When it was disabled (UTC, YYYY-MM-DDTHH:MM:SSZ); null while enabled */
            disabled_at: string | null;
        };
        Session: {
            user: components["schemas"]["User"];
            /** @description Send as X-CSRF-Token with every state-changing request made with the cookie (empty for a bearer token) */
            csrf_token: string;
            /** @description Only when signed in with a bearer token: what the token may do */
            token?: {
                /** @enum {string} */
                scope: "read-only" | "read-write";
                /** @description The one organization the token reaches; null: every organization of the account */
                organization: number | null;
                /** @description UTC, YYYY-MM-DDTHH:MM:SSZ */
                expires_at: string;
            };
        };
        /** @description An API token (without its secret) */
        Token: {
            id: number;
            name: string;
            /**
             * @description UTC, YYYY-MM-DDTHH:MM:SSZ
             * @example 2026-03-31T12:00:00Z
             */
            created_at: string;
            /** @description When it was last used (updated at most once a day); empty when never */
            last_used_at: string;
            /**
             * @description When it stops working (UTC, YYYY-MM-DDTHH:MM:SSZ); at most 365 days after it was made
             * @example 2026-06-29T12:00:00Z
             */
            expires_at: string;
            /** @description Whether expires_at has passed (an expired token is 401; it stays listed until revoked) */
            expired: boolean;
            /**
             * @description read-only: GET, and the OSCAL validation and conversion, nothing else (403 "Read-only token"); read-write: what the account's roles allow
             * @enum {string}
             */
            scope: "read-only" | "read-write";
            /** @description The one organization the token reaches (it sees nothing of the others; an administrator's token is an admin of this one only); null: every organization of the account */
            organization: number | null;
        };
        NewToken: components["schemas"]["Token"] & {
            /** @description The secret, cf_ and 43 characters; shown only now */
            token: string;
        };
        TokenPage: components["schemas"]["Page"] & {
            items: components["schemas"]["Token"][];
        };
        UserPage: components["schemas"]["Page"] & {
            items: components["schemas"]["User"][];
        };
        Organization: {
            id: number;
            name: string;
            /** @description The ISMS scope */
            scope: string;
            version: number;
            /**
             * @description UTC, YYYY-MM-DDTHH:MM:SSZ
             * @example 2026-03-31T12:00:00Z
             */
            created_at: string;
        };
        OrganizationListItem: components["schemas"]["Organization"] & {
            /**
             * @description Your role in it (admin for administrators)
             * @enum {string}
             */
            role: "admin" | "editor" | "auditor" | "viewer";
        };
        OrganizationPage: components["schemas"]["Page"] & {
            items: components["schemas"]["OrganizationListItem"][];
        };
        Profile: {
            id: number;
            organization: number;
            name: string;
            /** @description A framework id of the catalog */
            framework: string;
            /** @enum {string} */
            kind: "current" | "target";
            /** @description A scale id */
            scale: string;
            version: number;
            /**
             * @description UTC, YYYY-MM-DDTHH:MM:SSZ
             * @example 2026-03-31T12:00:00Z
             */
            created_at: string;
            /**
             * @description UTC, YYYY-MM-DDTHH:MM:SSZ
             * @example 2026-03-31T12:00:00Z
             */
            updated_at: string;
        };
        ProfileListItem: components["schemas"]["Profile"] & {
            /** @description Nodes with a level or marked not applicable */
            assessed: number;
        };
        ProfileDetail: components["schemas"]["Profile"] & {
            /** @description Nodes with a level or marked not applicable */
            assessed: number;
            /** @description The levels of the profile's scale (absent when the scale cannot be read) */
            scale_levels?: components["schemas"]["ScaleLevel"][];
            /** @description Coverage and the overall score of this profile on its own (no target), as the dashboard and the reports compute them; null when the profile's framework is not in the catalog */
            figures: components["schemas"]["Figures"] | null;
        };
        ProfilePage: components["schemas"]["Page"] & {
            items: components["schemas"]["ProfileListItem"][];
        };
        ScaleLevel: {
            value: number;
            name: string;
            meaning: string;
        };
        /** @description An implementation-level scale */
        Scale: {
            id: string;
            name: string;
            levels: components["schemas"]["ScaleLevel"][];
        };
        ScalePage: components["schemas"]["Page"] & {
            items: components["schemas"]["Scale"][];
        };
        Evidence: {
            id: number;
            /** @enum {string} */
            kind: "link" | "file";
            name: string;
            /** @description For a link; empty for a file */
            url: string;
            /** @description For a file; empty for a link */
            sha256: string;
            /** @description Bytes of a file; 0 for a link */
            size: number;
            /**
             * @description UTC, YYYY-MM-DDTHH:MM:SSZ
             * @example 2026-03-31T12:00:00Z
             */
            added_at: string;
            added_by: string;
        };
        /** @description A node's assessment in a profile */
        NodeAssessment: {
            node: string;
            /** @description On the profile's scale; null when not assessed or not applicable */
            level: number | null;
            not_applicable: boolean;
            /** @description Why the node does not apply */
            justification: string;
            owner: string;
            /** @description 1 (high) to 3 (low); 2 by default */
            priority: number;
            notes: string;
            /** @description 0 for a node never stored; the ETag is this number in quotes */
            version: number;
            updated_at: string;
            updated_by: string;
            evidence: components["schemas"]["Evidence"][];
        };
        NodeRow: {
            node: string;
            /** @description The node's title, or its description when it has none */
            title: string;
            function: string;
            category: string;
            /** @description The target profile's level */
            target: number | null;
            assessment: components["schemas"]["NodeAssessment"];
        };
        NodeRowPage: components["schemas"]["Page"] & {
            items: components["schemas"]["NodeRow"][];
        };
        Comment: {
            id: number;
            author: string;
            /**
             * @description UTC, YYYY-MM-DDTHH:MM:SSZ
             * @example 2026-03-31T12:00:00Z
             */
            at: string;
            text: string;
        };
        CommentPage: components["schemas"]["Page"] & {
            items: components["schemas"]["Comment"][];
        };
        AuditRecord: {
            id: number;
            /**
             * @description UTC, YYYY-MM-DDTHH:MM:SSZ
             * @example 2026-03-31T12:00:00Z
             */
            at: string;
            actor: string;
            /** @description The kind of record: organization, profile, node, snapshot, action, evidence, comment, scale, mapping-set, user, token, session, audit */
            entity: string;
            /** @description Such as 1/ID.AM-1 for a node of profile 1 */
            entity_id: string;
            /** @description create, update, import, freeze, grant, revoke, ... */
            action: string;
            /** @description The record before (JSON; null for a creation) */
            before: unknown;
            /** @description The record after (JSON; null for a removal) */
            after: unknown;
            /** @description The fields that differ between before and after, unchanged ones left out (empty when nothing did, as for a sign-in). A created record lists each of its fields as added, a removed one each field as removed. Objects are walked into; an array of plain values (strings, numbers, booleans) is one value, compared whole; an array holding objects or arrays is compared element by element by position. */
            changes: components["schemas"]["AuditChange"][];
            /** @description HMAC-SHA256 under the audit key over the previous row's hash and this row (plain SHA-256 for rows from before keying) */
            hash: string;
        };
        AuditPage: components["schemas"]["Page"] & {
            items: components["schemas"]["AuditRecord"][];
        };
        AuditLog: {
            items: components["schemas"]["AuditRecord"][];
            limit: number;
            /** @description The before of the next (older) page; null when this is the last */
            next_before: number | null;
        };
        AuditVerification: {
            rows: number;
            intact: boolean;
            /** @description The id of the first row that does not verify; null when every row verifies but the anchor does not (missing, altered, or recording more rows than the trail holds) */
            first_bad: number | null;
            /** @description What is wrong with it; empty when intact */
            problem: string;
            /** @description The first row hashed with the audit key (HMAC-SHA256); the rows before it are the SHA-256 chain of a workspace from before keying */
            keyed_from: number;
            /** @description The rows the anchor (kept outside the database) vouches for; 0 when it is missing or altered. It may lag the trail after a crash, never lead it */
            anchor_rows: number;
        };
        /** @description An action of the roadmap */
        Action: {
            id: number;
            organization: number;
            title: string;
            owner: string;
            /** @description YYYY-MM-DD, or empty */
            due: string;
            /** @enum {string} */
            status: "planned" | "in-progress" | "done" | "cancelled";
            effort_days: number;
            target_level: number;
            /** @description The nodes whose gaps it closes */
            nodes: string[];
            version: number;
        };
        ActionPage: components["schemas"]["Page"] & {
            items: components["schemas"]["Action"][];
        };
        Score: {
            id: string;
            title: string;
            current: number | null;
            /** @description null without a target profile */
            target: number | null;
            /** @description null without a target profile */
            gap: number | null;
        };
        Gap: {
            rank: number;
            node: string;
            title: string;
            current: number | null;
            target: number | null;
            gap: number;
            priority: number;
            /** @description gap x priority weight x risk weight */
            score: number;
            owner: string;
        };
        GapAnalysis: {
            current: components["schemas"]["Profile"];
            target: components["schemas"]["Profile"];
            open_gaps: number;
            mean_gap: number;
            /** @description Each function of the framework with its current and target score and gap, in the framework's catalog order (not sorted by id) */
            functions: components["schemas"]["Score"][];
            /** @description The ranked outcomes the filter keeps (all without one), highest score first; `rank` is the place in the whole ranking */
            gaps: components["schemas"]["Gap"][];
            /** @description How many ranked outcomes the filter keeps (all of them without a filter) */
            total: number;
            offset: number;
            limit: number;
            /** @description The profiles' scale (for reading the levels and gaps) */
            scale: components["schemas"]["Scale"];
            figures: components["schemas"]["Figures"];
            /** @description How many outcomes the whole ranking has (every subcategory with a target), whatever the filter */
            ranked: number;
            /** @description The owners of the outcomes of the whole ranking, distinct and sorted (for an owner filter) */
            owners: string[];
        };
        /** @description A frozen assessment */
        Snapshot: {
            id: number;
            name: string;
            /**
             * @description UTC, YYYY-MM-DDTHH:MM:SSZ
             * @example 2026-03-31T12:00:00Z
             */
            taken_at: string;
            assessor: string;
            signed_off_by: string;
            overall: number | null;
            /** @description Each function of the framework with its score in this assessment, in the framework's catalog order (GV, ID, PR, DE, RS, RC for NIST CSF 2.0), not sorted by id */
            functions: {
                id: string;
                title: string;
                /** @description null when nothing under the function is assessed */
                score: number | null;
            }[];
        };
        SnapshotPage: components["schemas"]["Page"] & {
            items: components["schemas"]["Snapshot"][];
        };
        Dashboard: {
            organization: components["schemas"]["Organization"];
            /** @description The current profile shown (`profile`, or the organization's first current profile); null when the organization has none, and then the score lists are empty */
            current: components["schemas"]["Profile"] | null;
            /** @description The target profile it is compared with (the first target profile on the current profile's framework, when on the same scale); null when there is none */
            target: components["schemas"]["Profile"] | null;
            scale: components["schemas"]["Scale"];
            functions: components["schemas"]["Score"][];
            categories: (components["schemas"]["Score"] & {
                function: string;
            })[];
            trend: components["schemas"]["Snapshot"][];
            top_gaps: components["schemas"]["Gap"][];
            roadmap: {
                planned: number;
                in_progress: number;
                done: number;
                cancelled: number;
                /** @description Planned or in progress, due before today */
                overdue: number;
                total: number;
            };
            coverage: {
                assessed: number;
                not_applicable: number;
                total: number;
            };
            /** @description The current profile's overall score (the mean of its functions); absent without a current profile */
            overall?: {
                current: number | null;
            };
            /** @description Subcategories below their target; absent without a target profile */
            open_gaps?: number;
            /** @description The mean gap of the subcategories with one; absent without a target profile */
            mean_gap?: number;
            /** @description The figures of the current profile (null when the organization has none) */
            figures: components["schemas"]["Figures"] | null;
        };
        ImportResult: {
            /** @description Rows of the file */
            rows: number;
            /** @description Nodes the import changed (each gets a new version and an audit row) */
            changed: number;
            /** @description Rows that said what the node already said: left alone, no new version, no audit row */
            unchanged: number;
        };
        Reference: {
            /** @description The designation as the source prints it */
            standard: string;
            clause: string | null;
            standard_id: string;
            /** @description For a misprint: the designation most likely meant */
            intended?: string;
            all_parts?: boolean;
            note?: string;
        };
        /** @description A node of a framework tree */
        Node: {
            id: string;
            /** @enum {string} */
            level: "function" | "category" | "subcategory" | "statement";
            title: string | null;
            description: string | null;
            references: components["schemas"]["Reference"][];
            /** @description Absent when empty */
            source?: string;
            /** @description Absent when empty */
            notes?: string;
            /** @description Absent when empty */
            activities?: string[];
            /** @description Absent when empty */
            inputs?: string[];
            /** @description Absent when empty */
            outputs?: string[];
            children: components["schemas"]["Node"][];
            /** @description What the framework file says of the node beyond its text, each a list of strings, such as documented-information (ISO/IEC 27001:2022 clauses); absent when none (docs/catalog-format.md) */
            properties?: {
                [key: string]: string[];
            };
        };
        CatalogNode: {
            id: string;
            /** @enum {string} */
            level: "function" | "category" | "subcategory" | "statement";
            title: string | null;
            description: string | null;
            references: components["schemas"]["Reference"][];
            /** @description Absent when empty */
            source?: string;
            /** @description Absent when empty */
            notes?: string;
            /** @description Absent when empty */
            activities?: string[];
            /** @description Absent when empty */
            inputs?: string[];
            /** @description Absent when empty */
            outputs?: string[];
            framework: string;
            parent: string | null;
            /** @description The ids of its children */
            children: string[];
            /** @description What the framework file says of the node beyond its text, each a list of strings, such as documented-information (ISO/IEC 27001:2022 clauses); absent when none (docs/catalog-format.md) */
            properties?: {
                [key: string]: string[];
            };
        };
        Framework: {
            id: string;
            /** @constant */
            kind: "framework";
            title: string;
            short_title: string | null;
            version: string | null;
            publisher: string | null;
            /** @enum {string} */
            conformance: "ts-27110" | "none";
            /**
             * @description Which nodes a profile assesses: outcomes (subcategories, and categories without any) or requirements (every node below a function that is not split into statements); docs/catalog-format.md
             * @enum {string}
             */
            assess: "outcomes" | "requirements";
            /** @description For a framework that selects nodes of another (an SP 800-53 baseline): the framework it selects from and the chosen node ids */
            selected?: {
                from: string;
                nodes: string[];
            };
            provenance: components["schemas"]["Provenance"];
            nodes: components["schemas"]["Node"][];
            /** @description For a derived framework: its source, the mapping sets it went through and every reference change */
            derived?: {
                from: string;
                through: string[];
                changes: components["schemas"]["ReferenceChange"][];
            };
        };
        FrameworkSummary: {
            id: string;
            title: string;
            /** @enum {string} */
            method: "transcribed" | "derived" | "user-authored";
            /** @description Nodes per level */
            counts: {
                [key: string]: number;
            };
            derived_from: string | null;
            /**
             * @description Built into cyberframe, from a catalog file given to the server (--catalog, --add-catalog), or stored in the workspace
             * @enum {string}
             */
            origin: "built-in" | "file" | "workspace";
            /** @description Stored frameworks: the organization that owns it */
            organization?: number;
            /** @description Stored frameworks: its version */
            version?: number;
        };
        FrameworkPage: components["schemas"]["Page"] & {
            items: components["schemas"]["FrameworkSummary"][];
        };
        Citations: {
            standard: string;
            clause: string | null;
            citations: {
                framework: string;
                node: string;
                level: string;
                title: string;
                cites: components["schemas"]["Reference"];
                /** @enum {string} */
                match: "exact" | "within" | "enclosing" | "whole-standard";
                via: string[];
            }[];
        };
        SignIn: {
            name: string;
            password: string;
        };
        TokenRequest: {
            /** @description What the token is for: one line of visible text, no '/' */
            name: string;
            /**
             * @description Required: read-only, or read-write with the account's roles
             * @enum {string}
             */
            scope: "read-only" | "read-write";
            /**
             * @description Days until it stops working
             * @default 90
             */
            expires_in_days: number;
            /**
             * @description Limit the token to this organization (one the account has a role in; 404 otherwise); null: every organization of the account
             * @default null
             */
            organization: number | null;
        };
        UserRequest: {
            /** @description 1-64 letters, digits, '.', '_', '-' or '@' */
            name: string;
            /** @description 12 to 1024 characters; not trivial (only spaces, one character or a short piece repeated, a keyboard walk or a run of letters or digits), not the account name with digits or symbols around it, not on the built-in list of common passwords (also with digits, symbols or leetspeak added): 422 with the reason */
            password: string;
            /** @default false */
            administrator: boolean;
        };
        RoleRequest: {
            /** @enum {string} */
            role: "admin" | "editor" | "auditor" | "viewer";
        };
        OrganizationRequest: {
            /** @description One line of visible text (no control or bidirectional control characters), no '/', not only digits (a reference of digits is always an id); unique without regard to case in the workspace (422 otherwise). */
            name: string;
            /** @description The ISMS scope */
            scope?: string;
        };
        ProfileRequest: {
            /** @description One line of visible text (no control or bidirectional control characters), no '/', not only digits (a reference of digits is always an id); unique without regard to case in the organization (422 otherwise). */
            name: string;
            /** @description A framework id of the catalog */
            framework: string;
            /** @enum {string} */
            kind: "current" | "target";
            /** @description A scale id (default cyberframe-0-5) */
            scale?: string;
        };
        /** @description The fields to change; the others keep their stored values */
        NodeAssessmentUpdate: {
            /** @description On the profile's scale; null clears it */
            level?: number | null;
            not_applicable?: boolean;
            justification?: string;
            /** @description Trimmed; One line of visible text (422 otherwise) */
            owner?: string;
            /** @description 1 (high), 2 (medium) or 3 (low) */
            priority?: number;
            notes?: string;
        };
        CommentRequest: {
            text: string;
        };
        EvidenceLinkRequest: {
            /** @description A plain name, without folders; One line of visible text without '/' or '\\' (400 Bad evidence otherwise) */
            name: string;
            /** @description Starting http:// or https:// */
            url: string;
        };
        SnapshotRequest: {
            /** @description One line of visible text, no '/' (422 otherwise). */
            name: string;
            /** @description One line of visible text (422 otherwise). */
            signed_off_by?: string;
            /** @description A real date YYYY-MM-DD (its midnight, UTC) or YYYY-MM-DDTHH:MM:SSZ; default now. 2026-02-30 or 24:00:00 is 400 naming the field. */
            taken_at?: string;
        };
        /** @description status defaults to planned, target_level to 3 */
        ActionCreate: {
            /** @description Trimmed; not blank; one line of visible text (no control or bidirectional control characters) */
            title: string;
            /** @description Trimmed; one line of visible text */
            owner?: string;
            /** @description A real calendar date YYYY-MM-DD (2026-02-30 is 422), or empty */
            due?: string;
            /** @enum {string} */
            status?: "planned" | "in-progress" | "done" | "cancelled";
            effort_days?: number;
            target_level?: number;
            /** @description Node ids */
            nodes?: string[];
        };
        /** @description The fields to change; the others keep their stored values */
        ActionUpdate: {
            /** @description Trimmed; not blank; one line of visible text (no control or bidirectional control characters) */
            title?: string;
            /** @description Trimmed; one line of visible text */
            owner?: string;
            /** @description A real calendar date YYYY-MM-DD (2026-02-30 is 422), or empty */
            due?: string;
            /** @enum {string} */
            status?: "planned" | "in-progress" | "done" | "cancelled";
            effort_days?: number;
            target_level?: number;
            /** @description Node ids */
            nodes?: string[];
        };
        Mapping: {
            id: number;
            source: string;
            targets: string[];
            /** @enum {string} */
            relationship: "equal" | "equivalent" | "subset-of" | "superset-of" | "intersects-with" | "no-relationship";
            rationale: string;
            version: number;
        };
        MappingSet: {
            id: number;
            organization: number;
            name: string;
            title: string;
            source: {
                /** @enum {string} */
                kind: "framework" | "standard";
                id: string;
            };
            target: {
                /** @enum {string} */
                kind: "framework" | "standard";
                id: string;
            };
            notes: string;
            version: number;
            created_at: string;
            updated_at: string;
            updated_by: string;
            mappings: components["schemas"]["Mapping"][];
        };
        MappingSetPage: components["schemas"]["Page"] & {
            items: components["schemas"]["MappingSet"][];
        };
        MappingSetCreate: {
            /** @description A catalog-style id: lowercase letters, digits, '-' and '.', not only digits (a reference of digits is always an id) */
            name: string;
            /** @description One line of visible text (no control or bidirectional control characters) */
            title: string;
            /** @description Framework or standard id */
            source: string;
            /** @description Framework or standard id */
            target: string;
            notes?: string;
        };
        MappingSetUpdate: {
            title?: string;
            notes?: string;
        };
        MappingRequest: {
            source: string;
            targets?: string[];
            /** @enum {string} */
            relationship: "equal" | "equivalent" | "subset-of" | "superset-of" | "intersects-with" | "no-relationship";
            rationale?: string;
        };
        MappingUpdate: {
            source?: string;
            targets?: string[];
            /** @enum {string} */
            relationship?: "equal" | "equivalent" | "subset-of" | "superset-of" | "intersects-with" | "no-relationship";
            rationale?: string;
        };
        CrosswalkEntry: {
            source: string;
            /** @description null: the source is stated to have no counterpart */
            target: string | null;
            /** @enum {string} */
            relationship: "equal" | "equivalent" | "subset-of" | "superset-of" | "intersects-with" | "no-relationship";
            /** @description The justifying path as text */
            path: string;
            hops: {
                mapping_set: string;
                /** @enum {string} */
                origin: "catalog" | "workspace" | "references" | "annex";
                reversed: boolean;
                from: {
                    /** @description A framework or standard id */
                    catalog: string;
                    /** @description A node or clause id; null on the target side of a no-relationship */
                    node: string | null;
                };
                to: {
                    /** @description A framework or standard id */
                    catalog: string;
                    /** @description A node or clause id; null on the target side of a no-relationship */
                    node: string | null;
                };
                /** @enum {string} */
                relationship: "equal" | "equivalent" | "subset-of" | "superset-of" | "intersects-with" | "no-relationship";
                rationale: string;
            }[];
            /** @description How many paths reach the target */
            paths: number;
            /** @description Whether the other paths claim a different relationship */
            conflict: boolean;
            other_paths: {
                /** @enum {string} */
                relationship: "equal" | "equivalent" | "subset-of" | "superset-of" | "intersects-with" | "no-relationship";
                path: string;
            }[];
        };
        CrosswalkPage: components["schemas"]["Page"] & {
            items: components["schemas"]["CrosswalkEntry"][];
            from: {
                /** @enum {string} */
                kind: "framework" | "standard";
                id: string;
            };
            to: {
                /** @enum {string} */
                kind: "framework" | "standard";
                id: string;
            };
        };
        ProjectionRequest: {
            /** @description The framework to project onto */
            to: string;
            /** @description Destination profile name (default 'NAME on FRAMEWORK') */
            into?: string;
            /** @default false */
            dry_run: boolean;
        };
        Projection: {
            /** @description The profile projected */
            source: {
                profile: number;
                framework: string;
            };
            /** @description The profile written (or that a dry run would write) */
            destination: {
                /** @description null for a dry run that would create it */
                profile: number | null;
                name: string;
                framework: string;
                /** @description Whether this request created it */
                created: boolean;
            };
            dry_run: boolean;
            summary: {
                projected: number;
                partial: number;
                not_applicable: number;
                left_unassessed: number;
                kept_direct: number;
                rows_written: number;
                rows_to_write: number;
            };
            nodes: {
                node: string;
                /** @enum {string} */
                outcome: "projected" | "partial" | "not-applicable" | "no-claim" | "kept-direct";
                /** @description The level projected, or for kept-direct the level the node keeps; null when none */
                level: number | null;
                not_applicable: boolean;
                explanation: string;
                /** @description The source nodes the level comes from, each with the path that relates it */
                sources: {
                    node: string;
                    /** @enum {string} */
                    relationship: "equal" | "equivalent" | "subset-of" | "superset-of" | "intersects-with" | "no-relationship";
                    level: number | null;
                    not_applicable: boolean;
                    path: string;
                }[];
            }[];
        };
        /** @description A mapping set of the catalog files */
        CatalogMappingSet: {
            id: string;
            title: string;
            source: {
                /** @enum {string} */
                kind: "framework" | "standard";
                id: string;
            };
            target: {
                /** @enum {string} */
                kind: "framework" | "standard";
                id: string;
            };
            /** @enum {string} */
            purpose: "edition" | "crosswalk";
            /** @description How the mappings were made (transcribed, derived, ...) */
            method: string;
            /** @description Mappings in the set */
            count: number;
        };
        CatalogMappingSetPage: components["schemas"]["Page"] & {
            items: components["schemas"]["CatalogMappingSet"][];
        };
        /** @description What validation found */
        OscalValidation: {
            /** @description The root model, e.g. catalog */
            model: string;
            /** @enum {string} */
            format: "json" | "xml" | "yaml";
            oscal_version: string | null;
            valid: boolean;
            problems: {
                /** @description Where, e.g. /catalog/groups/0/controls/3/id */
                path: string;
                message: string;
            }[];
        };
        /** @description Where catalog content comes from (docs/catalog-format.md, "Provenance"). Built-in frameworks and mapping sets always state edition and licence. */
        Provenance: {
            /** @description the source document */
            source: string;
            edition?: string;
            /** @description the tables or clauses transcribed */
            tables?: string;
            /** @description the terms the content is carried under */
            licence?: string;
            /** @enum {string} */
            method: "transcribed" | "derived" | "user-authored";
            notes?: string;
        };
        /** @description An OSCAL document in JSON: one member named after its model (catalog, profile, mapping-collection, assessment-results, plan-of-action-and-milestones, ...); valid against NIST's JSON Schema for the OSCAL version (tests/oscal/test_schema.mjs) */
        OscalDocument: Record<string, never>;
        /** @description How the derivation changed one reference of a node (docs/catalog-format.md, derived frameworks) */
        ReferenceChange: {
            node: string;
            /** @enum {string} */
            kind: "same-number" | "renumbered" | "merged" | "split" | "no-successor" | "repointed";
            before: components["schemas"]["Reference"];
            /** @description Empty for no-successor */
            after: components["schemas"]["Reference"][];
            mapping_set: string;
            explanation: string;
        };
        /** @description The figures every view and report shows, defined once (docs/profiles.md, "Figures"). Scores are hundredths, rounded half away from zero; the views show one decimal of them, half away from zero. Target figures are null without a target profile. */
        Figures: {
            coverage: {
                /** @description Assessable outcomes of the framework */
                total: number;
                not_applicable: number;
                /** @description total - not_applicable */
                applicable: number;
                /** @description Applicable outcomes with a level */
                assessed: number;
                /** @description assessed of applicable, a whole percentage (half away from zero); null when nothing is applicable */
                percent: number | null;
            };
            /** @description Overall score of the current profile (mean of the functions) */
            current: number | null;
            /** @description Overall score of the target profile */
            target: number | null;
            /** @description Outcomes the target sets */
            with_target: number | null;
            /** @description Of those, reached */
            at_target: number | null;
            at_target_percent: number | null;
            /** @description Of those, below target */
            open_gaps: number | null;
            /** @description Mean gap over the outcomes with a target */
            mean_gap: number | null;
        };
        /** @description The gaps at one side of a what-if: as they are (before) or with the chosen actions done (after) */
        WhatIfState: {
            /** @description Subcategories below their target */
            open_gaps: number;
            /** @description The mean gap over the subcategories with a target */
            mean_gap: number;
            figures: components["schemas"]["Figures"];
        };
        /** @description A function's, or an outcome's, scores now and with the chosen actions done */
        WhatIfScore: {
            /** @description The function (functions only) */
            id?: string;
            /** @description The outcome (outcomes only) */
            node?: string;
            title: string;
            /** @description Now */
            current: number | null;
            /** @description With the chosen actions done */
            with_actions: number | null;
            target: number | null;
            /** @description Now */
            gap: number | null;
            /** @description With the chosen actions done */
            gap_with_actions: number | null;
        };
        /** @description The roadmap's what-if: a current profile against its target, as it is and as it would be with the chosen actions done (each raises its outcomes to its target level, never lowers one, N/A stays N/A). The same answer as `cyberframe roadmap what-if --format json`. */
        WhatIf: {
            current: components["schemas"]["Profile"];
            target: components["schemas"]["Profile"];
            scale: components["schemas"]["Scale"];
            /** @description The chosen actions, each once, in the order asked */
            actions: components["schemas"]["Action"][];
            before: components["schemas"]["WhatIfState"];
            after: components["schemas"]["WhatIfState"];
            /** @description Every function of the framework, in order */
            functions: components["schemas"]["WhatIfScore"][];
            /** @description The targeted outcomes whose level the actions change, in the framework's order */
            outcomes: components["schemas"]["WhatIfScore"][];
        };
        /** @description Whether the request is signed in; when it is, the same fields as GET /api/v1/session */
        SessionStatus: {
            signed_in: boolean;
            user?: components["schemas"]["User"];
            /** @description As in GET /api/v1/session (only when signed in) */
            csrf_token?: string;
            /** @description Only when signed in with a bearer token: what the token may do */
            token?: {
                /** @enum {string} */
                scope: "read-only" | "read-write";
                /** @description The one organization the token reaches; null: every organization of the account */
                organization: number | null;
                /** @description UTC, YYYY-MM-DDTHH:MM:SSZ */
                expires_at: string;
            };
        };
        /** @description The password rule every password set through the API or the command line follows */
        PasswordPolicy: {
            /**
             * @description At least this many characters (UTF-8 characters, not bytes)
             * @example 12
             */
            min_characters: number;
            /**
             * @description At most this many bytes
             * @example 1024
             */
            max_bytes: number;
            /** @description The whole rule as a sentence to show beside a password field */
            rule: string;
        };
        /** @description One changed field of an audit row */
        AuditChange: {
            /**
             * @description A JSON Pointer (RFC 6901) into the record, such as /current/level or /mappings/3/relationship; empty for the whole record when it is not an object
             * @example /current/level
             */
            field: string;
            /** @description The value before (any JSON); null when the field did not exist (then added is true) */
            before: unknown;
            /** @description The value after (any JSON); null when the field no longer exists (then removed is true) */
            after: unknown;
            /**
             * @description Present when the field did not exist before
             * @constant
             */
            added?: true;
            /**
             * @description Present when the field does not exist after
             * @constant
             */
            removed?: true;
        };
        /** @description A problem of a catalog file: where (line and column of its text; 0 when it has none) and what */
        CatalogDiagnostic: {
            /** @enum {string} */
            severity: "error" | "warning";
            /** @description The text it is about: `document` for a request's draft, `workspace:frameworks/ID` for a stored framework */
            file: string;
            line: number;
            column: number;
            message: string;
        };
        /** @description The ISO/IEC TS 27110 conformance check of a framework (as cyberframe catalog check) */
        Conformance: {
            /** @description false for a framework that declares conformance: none */
            applicable: boolean;
            /** @description null when not applicable */
            conformant: boolean | null;
            concepts_present: string[];
            concepts_missing: string[];
            functions: number;
            categories: number;
            subcategories: number;
            statements: number;
            subcategories_without_references: number;
        };
        /** @description A framework the workspace stores */
        StoredFramework: {
            /** @description Its id in the catalog */
            framework: string;
            title: string;
            /** @description The organization that owns it: its editors and admins change it */
            organization: number;
            /** @enum {string} */
            origin: "authored" | "oscal";
            version: number;
            /** @description Nodes of every level */
            nodes: number;
            /** @description It loads in the catalog as it is now (false: see diagnostics) */
            loaded: boolean;
            created_at: string;
            created_by: string;
            updated_at: string;
            updated_by: string;
        };
        StoredFrameworkPage: {
            items: components["schemas"]["StoredFramework"][];
            total: number;
            limit: number;
            offset: number;
        };
        StoredFrameworkDetail: {
            /** @description Its id in the catalog */
            framework: string;
            title: string;
            /** @description The organization that owns it: its editors and admins change it */
            organization: number;
            /** @enum {string} */
            origin: "authored" | "oscal";
            version: number;
            /** @description Nodes of every level */
            nodes: number;
            /** @description It loads in the catalog as it is now (false: see diagnostics) */
            loaded: boolean;
            created_at: string;
            created_by: string;
            updated_at: string;
            updated_by: string;
            /** @description The framework as a catalog file's document in JSON (docs/catalog-format.md); null when it does not load */
            document: Record<string, never> | null;
            /** @description The stored catalog file */
            yaml: string;
            diagnostics: components["schemas"]["CatalogDiagnostic"][];
            ts_27110: components["schemas"]["Conformance"] | null;
        };
        /** @description Exactly one of document and yaml */
        FrameworkDraft: {
            /** @description The framework in the catalog format as a JSON object: kind, id, title, conformance, provenance {source, method}, nodes [...]; stored as the catalog writer writes it */
            document?: Record<string, never>;
            /** @description The catalog file's text, stored as given */
            yaml?: string;
        };
        FrameworkCheck: {
            /** @description It loads as one framework and can be saved */
            ok: boolean;
            /** @description TS 27110 conformant (null: the framework declares conformance: none, or it did not load) */
            conformant: boolean | null;
            framework: string | null;
            nodes: number;
            /** @description Errors, TS 27110 findings included */
            errors: number;
            warnings: number;
            diagnostics: components["schemas"]["CatalogDiagnostic"][];
            ts_27110: components["schemas"]["Conformance"] | null;
            /** @description The text checked (a document written out as YAML): line and column refer to it */
            yaml: string;
        };
        FrameworkVersion: {
            version: number;
            sha256: string;
            nodes: number;
            created_at: string;
            created_by: string;
        };
        FrameworkVersionList: {
            framework: string;
            items: components["schemas"]["FrameworkVersion"][];
        };
        FrameworkVersionDetail: {
            version: number;
            sha256: string;
            nodes: number;
            created_at: string;
            created_by: string;
            framework: string;
            yaml: string;
        };
        /** @description A likelihood × consequence pair on the risk's criteria matrix, or null (not scored) */
        RiskScore: {
            /** @description A point of the likelihood scale (1..N) */
            likelihood: number;
            /** @description A point of the consequence scale (1..M) */
            consequence: number;
        } | null;
        /** @description {"likelihood": N, "consequence": M} (whole numbers 0-100; a point off the risk's criteria matrix is 422 naming the field) or null to clear it */
        RiskScoreInput: {
            likelihood: number;
            consequence: number;
        } | null;
        RiskScalePoint: {
            value: number;
            name: string;
            meaning: string;
        };
        RiskLevel: {
            id: string;
            name: string;
            /** @description A CSS colour such as #c0392b */
            colour: string;
            /**
             * @description What the organization does with a risk of this level (its appetite)
             * @enum {string}
             */
            acceptance: "accept" | "owner-approval" | "treat";
            /** @description How often a risk of this level is reviewed */
            review_months: number;
        };
        RiskConsequenceType: {
            id: string;
            name: string;
            /** @description The consequence scale in this type's words */
            points: components["schemas"]["RiskScalePoint"][];
        };
        /** @description A set of risk criteria (docs/risk.md) */
        RiskCriteria: {
            id: string;
            name: string;
            /** @description The version (each save of an organization's criteria is a new one) */
            version: number;
            description: string;
            likelihood: components["schemas"]["RiskScalePoint"][];
            consequence_types: components["schemas"]["RiskConsequenceType"][];
            levels: components["schemas"]["RiskLevel"][];
            /** @description matrix[likelihood-1][consequence-1] is a level id */
            matrix: string[][];
            /** @description When assessments are made */
            assessment_criteria: string;
            /** @description Where the set comes from (the catalog file of a built-in set) */
            source: string;
            /** @description The organization that owns it; 0 for a built-in set */
            organization: number;
            built_in: boolean;
            updated_at: string;
            updated_by: string;
        };
        /** @description The built-in sets and the organization's own */
        RiskCriteriaList: {
            items: components["schemas"]["RiskCriteria"][];
            /** @description How many */
            total: number;
        };
        /** @description Risk criteria as GET returns them (the members the server sets are ignored). Read whole, at most 1 MiB; every problem is named in `errors` (422). */
        RiskCriteriaRequest: {
            /** @description The set's id; not a built-in set's or another organization's */
            id: string;
            name: string;
            description?: string;
            /** @description 1..N, each point named */
            likelihood: {
                value: number;
                name: string;
                meaning?: string;
            }[];
            consequence_types: {
                id: string;
                name: string;
                points: {
                    value: number;
                    name: string;
                    meaning?: string;
                }[];
            }[];
            levels: {
                id: string;
                name: string;
                colour: string;
                /** @enum {string} */
                acceptance: "accept" | "owner-approval" | "treat";
                /** @default 12 */
                review_months: number;
            }[];
            /** @description N rows of M level ids; the level never falls as likelihood or consequence rises */
            matrix: string[][];
            assessment_criteria?: string;
            /** @description Ignored (as GET returns it) */
            version?: number;
            /** @description Ignored */
            source?: string;
            /** @description Ignored */
            organization?: number;
            /** @description Ignored */
            built_in?: boolean;
            /** @description Ignored */
            updated_at?: string;
            /** @description Ignored */
            updated_by?: string;
        };
        /** @description An asset of the organization */
        Asset: {
            id: number;
            organization: number;
            /** @description Unique in the organization, without regard to case (AS-001) */
            ref: string;
            name: string;
            /** @enum {string} */
            kind: "information" | "process" | "service" | "hardware" | "software" | "network" | "people" | "site" | "supplier";
            /** @description information, process and service are primary assets; the others supporting */
            primary: boolean;
            description: string;
            owner: string;
            /** @description The asset it is part of (an id) */
            parent: number | null;
            /** @description Ids of the assets it depends on */
            depends_on: number[];
            confidentiality: number;
            integrity: number;
            availability: number;
            /** @description Recovery time objective */
            rto_hours: number | null;
            /** @description Recovery point objective */
            rpo_hours: number | null;
            retired: boolean;
            version: number;
            updated_at: string;
            updated_by: string;
        };
        AssetPage: components["schemas"]["Page"] & {
            items: components["schemas"]["Asset"][];
        };
        /** @description A new asset */
        AssetCreate: {
            /** @description Unique in the organization without regard to case (409 when taken) */
            ref: string;
            name: string;
            /** @enum {string} */
            kind: "information" | "process" | "service" | "hardware" | "software" | "network" | "people" | "site" | "supplier";
            description?: string;
            /** @description Not blank (422 naming owner) */
            owner: string;
            /** @description An asset id of the organization; never the asset itself, directly or through others (422) */
            parent?: number | null;
            /** @description Asset ids of the organization */
            depends_on?: number[];
            confidentiality?: number;
            integrity?: number;
            availability?: number;
            rto_hours?: number | null;
            rpo_hours?: number | null;
            /** @description A retired asset is hidden from lists unless asked for; assets are never deleted */
            retired?: boolean;
        };
        /** @description The fields to change; the others keep their stored values */
        AssetUpdate: {
            /** @description Unique in the organization without regard to case (409 when taken) */
            ref?: string;
            name?: string;
            /** @enum {string} */
            kind?: "information" | "process" | "service" | "hardware" | "software" | "network" | "people" | "site" | "supplier";
            description?: string;
            /** @description Not blank (422 naming owner) */
            owner?: string;
            /** @description An asset id of the organization; never the asset itself, directly or through others (422) */
            parent?: number | null;
            /** @description Asset ids of the organization */
            depends_on?: number[];
            confidentiality?: number;
            integrity?: number;
            availability?: number;
            rto_hours?: number | null;
            rpo_hours?: number | null;
            /** @description A retired asset is hidden from lists unless asked for; assets are never deleted */
            retired?: boolean;
        };
        /** @description One of the organization's own controls */
        OwnControl: {
            id: number;
            organization: number;
            /** @description Unique in the organization; not an Annex A ref (A.*) */
            ref: string;
            title: string;
            description: string;
            owner: string;
            /** @description FRAMEWORK:NODE outcomes it implements (its implementation status derives from them) */
            outcomes: string[];
            retired: boolean;
            version: number;
            updated_at: string;
            updated_by: string;
        };
        /** @description The organization's own controls */
        OwnControlList: {
            items: components["schemas"]["OwnControl"][];
            /** @description How many */
            total: number;
        };
        /** @description A new own control */
        OwnControlCreate: {
            /** @description OC-01: neither an Annex A control nor taken (409) */
            ref: string;
            title: string;
            description?: string;
            /** @description Trimmed */
            owner?: string;
            /** @description FRAMEWORK:NODE, each an outcome of a framework in the catalog (422 naming it otherwise) */
            outcomes?: string[];
            retired?: boolean;
        };
        /** @description The fields to change; the others keep their stored values */
        OwnControlUpdate: {
            /** @description OC-01: neither an Annex A control nor taken (409) */
            ref?: string;
            title?: string;
            description?: string;
            owner?: string;
            /** @description FRAMEWORK:NODE, each an outcome of a framework in the catalog (422 naming it otherwise) */
            outcomes?: string[];
            retired?: boolean;
        };
        /** @description A control of a treatment plan */
        ControlLink: {
            /**
             * @description annex-a (A.5.1), own (an own control's ref) or outcome (FRAMEWORK:NODE)
             * @enum {string}
             */
            kind: "annex-a" | "own" | "outcome";
            ref: string;
            /** @description As written in a plan: A.8.8, OC-01 or nist-csf-2.0:PR.PS-02 */
            text: string;
        };
        /** @description A risk of the register, with its levels and the state of its decisions */
        Risk: {
            id: number;
            organization: number;
            /** @description Unique in the organization (R-001) */
            ref: string;
            title: string;
            description: string;
            /** @description Asset ids */
            assets: number[];
            /** @description A threat of the catalogue by id, or words of its own */
            threat: string;
            vulnerability: string;
            /** @description Ids of the criteria's consequence types */
            consequence_types: string[];
            /** @description The criteria id */
            criteria: string;
            /** @description The version of the criteria the scores are read under */
            criteria_version: number;
            inherent: components["schemas"]["RiskScore"];
            current: components["schemas"]["RiskScore"];
            residual: components["schemas"]["RiskScore"];
            owner: string;
            /** @enum {string} */
            treatment: "none" | "modify" | "retain" | "avoid" | "share";
            /** @enum {string} */
            status: "identified" | "assessed" | "treating" | "treated" | "accepted" | "closed";
            /** @description YYYY-MM-DD, or empty */
            review_date: string;
            /** @description The treatment plan's controls */
            controls: components["schemas"]["ControlLink"][];
            /** @description The treatment plan's roadmap actions (ids) */
            actions: number[];
            closed: boolean;
            version: number;
            updated_at: string;
            updated_by: string;
            /** @description The level id of the inherent score; empty when not scored */
            inherent_level: string;
            /** @description The level id of the current score; empty when not scored */
            current_level: string;
            /** @description The level id of the residual score; empty when not scored */
            residual_level: string;
            /** @description The level of the residual score (else current, else inherent) is one the criteria say to treat */
            above_appetite: boolean;
            /** @description The refs of `assets`, in the same order */
            asset_refs: string[];
            /**
             * @description The newest approval of the treatment plan: none, valid, stale (the risk changed materially since) or expired
             * @enum {string}
             */
            plan: "none" | "valid" | "stale" | "expired";
            /**
             * @description The newest acceptance of the residual risk
             * @enum {string}
             */
            acceptance: "none" | "valid" | "stale" | "expired";
            /** @description SHA-256 of the risk's material state, which decisions are bound to */
            state_hash: string;
        };
        RiskPage: components["schemas"]["Page"] & {
            items: components["schemas"]["Risk"][];
        };
        /** @description A new risk */
        RiskCreate: {
            /** @description Unique in the organization without regard to case (409 when taken) */
            ref: string;
            title: string;
            description?: string;
            /** @description Asset ids of the organization (422 naming an unknown one) */
            assets?: number[];
            threat?: string;
            vulnerability?: string;
            /** @description Ids of the criteria's consequence types */
            consequence_types?: string[];
            /** @description A criteria id (built-in or the organization's; 422 when unknown); defaults to cyberframe-5x5. The risk is scored under its newest version */
            criteria?: string;
            inherent?: components["schemas"]["RiskScoreInput"];
            current?: components["schemas"]["RiskScoreInput"];
            residual?: components["schemas"]["RiskScoreInput"];
            /** @description Not blank (422 naming owner) */
            owner: string;
            /** @enum {string} */
            treatment?: "none" | "modify" | "retain" | "avoid" | "share";
            /** @enum {string} */
            status?: "identified" | "assessed" | "treating" | "treated" | "accepted" | "closed";
            /** @description A real date YYYY-MM-DD, or empty */
            review_date?: string;
            /** @description A.5.1 (Annex A of ISO/IEC 27001:2022), an own control's ref, or FRAMEWORK:NODE; each must exist (422 naming it) */
            controls?: string[];
            /** @description Roadmap action ids of the organization */
            actions?: number[];
            closed?: boolean;
        };
        /** @description The fields to change; the others keep their stored values */
        RiskUpdate: {
            /** @description Unique in the organization without regard to case (409 when taken) */
            ref?: string;
            title?: string;
            description?: string;
            /** @description Asset ids of the organization (422 naming an unknown one) */
            assets?: number[];
            threat?: string;
            vulnerability?: string;
            /** @description Ids of the criteria's consequence types */
            consequence_types?: string[];
            /** @description A criteria id (built-in or the organization's; 422 when unknown); defaults to cyberframe-5x5. The risk is scored under its newest version */
            criteria?: string;
            inherent?: components["schemas"]["RiskScoreInput"];
            current?: components["schemas"]["RiskScoreInput"];
            residual?: components["schemas"]["RiskScoreInput"];
            /** @description Not blank (422 naming owner) */
            owner?: string;
            /** @enum {string} */
            treatment?: "none" | "modify" | "retain" | "avoid" | "share";
            /** @enum {string} */
            status?: "identified" | "assessed" | "treating" | "treated" | "accepted" | "closed";
            /** @description A real date YYYY-MM-DD, or empty */
            review_date?: string;
            /** @description A.5.1 (Annex A of ISO/IEC 27001:2022), an own control's ref, or FRAMEWORK:NODE; each must exist (422 naming it) */
            controls?: string[];
            /** @description Roadmap action ids of the organization */
            actions?: number[];
            closed?: boolean;
        };
        /** @description The risk under its criteria version, and under the newest version */
        RiskRescore: {
            /** @description A level or the criteria version would move */
            changed: boolean;
            /** @description Stored (apply=true and changed) */
            applied: boolean;
            before: components["schemas"]["Risk"];
            after: components["schemas"]["Risk"];
        };
        RiskHeatMapCell: {
            likelihood: number;
            consequence: number;
            /** @description Level id */
            level: string;
            colour: string;
            /** @description Open risks in the cell */
            count: number;
        };
        /** @description The open risks scored under one set of criteria, counted per cell */
        RiskHeatMap: {
            criteria: {
                id: string;
                name: string;
                version: number;
                likelihood: {
                    value: number;
                    name: string;
                }[];
                consequence: {
                    value: number;
                    name: string;
                }[];
                levels: {
                    id: string;
                    name: string;
                    colour: string;
                    /** @enum {string} */
                    acceptance: "accept" | "owner-approval" | "treat";
                }[];
            };
            /** @description Every cell of the matrix, row by row */
            inherent: components["schemas"]["RiskHeatMapCell"][];
            current: components["schemas"]["RiskHeatMapCell"][];
            residual: components["schemas"]["RiskHeatMapCell"][];
            /** @description Open risks under these criteria without a score */
            unscored: number;
        };
        TraceFinding: {
            /** @enum {string} */
            kind: "excluded-control-in-treatment" | "untreated-above-appetite" | "unapproved-plan-above-appetite" | "acceptance-expired" | "decision-stale" | "implemented-below-target" | "applicable-without-reason";
            /** @description The risk's ref; empty when about a control only */
            risk: string;
            /** @description The control; empty when about a risk only */
            control: string;
            /** @description Names the risk and the control */
            message: string;
        };
        /** @description The traceability checks (docs/risk.md) */
        RiskCheck: {
            /** @description Nothing found: the register and the SoA agree */
            ok: boolean;
            findings: components["schemas"]["TraceFinding"][];
        };
        /** @description A risk owner's decision */
        Decision: {
            id: number;
            /** @description The risk's id */
            risk: number;
            /** @enum {string} */
            kind: "plan-approval" | "acceptance" | "exception";
            decided_by: string;
            decided_at: string;
            justification: string;
            /** @description YYYY-MM-DD; empty for a plan approval without one */
            expires: string;
            /** @description SHA-256 of the risk's material state when decided */
            state_hash: string;
            revoked: boolean;
            revoked_by: string;
            revoked_at: string;
            risk_ref: string;
            /** @description The risk changed materially since */
            stale: boolean;
            /** @description Past its expiry date */
            expired: boolean;
        };
        /** @description Decisions, newest first */
        DecisionList: {
            items: components["schemas"]["Decision"][];
            /** @description How many */
            total: number;
        };
        /** @description A decision on the risk as it is now */
        DecisionRequest: {
            /** @enum {string} */
            kind: "plan-approval" | "acceptance" | "exception";
            /** @description Not blank */
            justification: string;
            /** @description A real date YYYY-MM-DD, not past; required for an acceptance and an exception (422 naming expires) */
            expires?: string;
            /** @description Who decided (the risk owner); defaults to the signed-in account */
            decided_by?: string;
        };
        /** @description A version of the Statement of Applicability */
        SoaVersion: {
            id: number;
            organization: number;
            number: number;
            /** @enum {string} */
            status: "draft" | "approved";
            created_at: string;
            created_by: string;
            approved_at: string;
            approved_by: string;
            approval_note: string;
        };
        /** @description A row of the Statement of Applicability */
        SoaLine: {
            /** @description A.5.1, or an own control's ref */
            control: string;
            title: string;
            /** @description Organizational controls ..., or Own controls */
            theme: string;
            /** @description One of the organization's own controls */
            own: boolean;
            applicable: boolean;
            /** @description The reasons for inclusion, risk-treatment included when it follows from the risks */
            reasons: ("risk-treatment" | "legal-regulatory" | "contractual" | "business" | "interested-party")[];
            /** @description The reasons as stored on the row */
            stated_reasons: ("risk-treatment" | "legal-regulatory" | "contractual" | "business" | "interested-party")[];
            /** @description risk-treatment follows from the risks whose treatment uses the control */
            risk_reason: boolean;
            /** @description Refs of the risks whose treatment uses it */
            risks: string[];
            /**
             * @description Derived, never typed
             * @enum {string}
             */
            implementation: "not-assessed" | "not-implemented" | "planned" | "partial" | "implemented";
            /** @description Where the status comes from */
            implementation_basis: string;
            justification: string;
            owner: string;
            notes: string;
            /** @description The row's version (0: never stored); its ETag for PUT */
            version: number;
            updated_at: string;
            updated_by: string;
        };
        /** @description The Statement of Applicability */
        Soa: {
            /** @description The organization's name */
            organization: string;
            /** @description The version shown; null when nothing is stored yet (the first change starts draft 1) */
            version: components["schemas"]["SoaVersion"] | null;
            /** @description Every version */
            versions: components["schemas"]["SoaVersion"][];
            summary: {
                controls: number;
                applicable: number;
                excluded: number;
                /** @description Over the applicable controls */
                implementation: {
                    implemented: number;
                    partial: number;
                    planned: number;
                    "not-implemented": number;
                    "not-assessed": number;
                };
            };
            /** @description Annex A in order, then the own controls */
            lines: components["schemas"]["SoaLine"][];
        };
        /** @description The fields to change; the others keep their stored values. Excluding (applicable false) without `reasons` clears them. */
        SoaRowUpdate: {
            applicable?: boolean;
            reasons?: ("risk-treatment" | "legal-regulatory" | "contractual" | "business" | "interested-party")[];
            /** @description Required when excluded (422 naming justification) */
            justification?: string;
            owner?: string;
            notes?: string;
        };
        /** @description A stored row of a version */
        SoaRow: {
            control: string;
            applicable: boolean;
            reasons: ("risk-treatment" | "legal-regulatory" | "contractual" | "business" | "interested-party")[];
            justification: string;
            owner: string;
            notes: string;
            version: number;
            updated_at: string;
            updated_by: string;
        };
        SoaRowChange: {
            control: string;
            /** @enum {string} */
            change: "added" | "removed" | "changed";
            /** @description The fields that changed */
            fields: string[];
            before: components["schemas"]["SoaRow"] | null;
            after: components["schemas"]["SoaRow"] | null;
        };
        /** @description The rows that differ between two versions */
        SoaDiff: {
            from: number;
            to: number;
            changes: components["schemas"]["SoaRowChange"][];
        };
        SoaApproveRequest: {
            /** @description The number of the draft to approve */
            version: number;
            note?: string;
        };
        RegisterImportResult: {
            /** @description Assets stored */
            assets: number;
            /** @description Risks stored */
            risks: number;
        };
        RiskSummary: {
            /** @description Risks not closed */
            open: number;
            /** @description Open risks whose residual (else current, else inherent) level the criteria say to treat */
            above_appetite: number;
            /** @description Open risks per level id (residual, else current, else inherent) */
            by_level: {
                [key: string]: number;
            };
            unscored: number;
            /** @description Open risks whose review date is past */
            reviews_overdue: number;
            decisions: {
                stale: number;
                expired: number;
                /** @description In force, expiring within 30 days */
                expiring: number;
            };
            /** @description Risks above appetite without a treatment or without a valid approval (or acceptance) */
            plans_unapproved: number;
            /** @description Findings of the traceability checks (GET .../risk-check) */
            findings: number;
            soa: {
                /** @description The newest version's number; 0 when none is stored */
                version: number;
                /** @enum {string} */
                status: "" | "draft" | "approved";
                approved_at: string;
            };
        };
        RiskBaseline: {
            id: number;
            name: string;
            taken_at: string;
            taken_by: string;
        };
        RiskBaselineList: {
            items: components["schemas"]["RiskBaseline"][];
            total: number;
        };
        RiskBaselineChange: {
            ref: string;
            title: string;
            /** @description For changed risks: title, owner, criteria, inherent, current, residual, treatment, status, controls */
            fields: string[];
        };
        RiskBaselineComparison: {
            baseline: components["schemas"]["RiskBaseline"];
            new: components["schemas"]["RiskBaselineChange"][];
            changed: components["schemas"]["RiskBaselineChange"][];
            closed: components["schemas"]["RiskBaselineChange"][];
            soa: components["schemas"]["SoaRowChange"][];
        };
        /** @description A field of a register */
        IsmsField: {
            key: string;
            label: string;
            /** @enum {string} */
            type: "text" | "long-text" | "enum" | "date" | "number" | "integer" | "list" | "record";
            required: boolean;
            /** @description enum: the values allowed */
            values?: string[];
            /** @description record: the register the ref names */
            register?: string;
            help?: string;
        };
        /** @description A register's descriptor: what drives the forms and lists */
        IsmsRegister: {
            key: string;
            clause: string;
            title: string;
            /** @description Refs are PREFIX-NNN when not given */
            prefix: string;
            description: string;
            /** @description Records are approved; an edit of an approved one starts its next revision */
            approvable: boolean;
            statuses: string[];
            fields: components["schemas"]["IsmsField"][];
            /** @description Auditors write its records too (the findings of an audit); every other register is written by editors and admins */
            auditors_write: boolean;
        };
        IsmsRegisterList: {
            items: components["schemas"]["IsmsRegister"][];
            total: number;
            /** @description The ISMS processes a role's RACI speaks of */
            raci_processes: string[];
        };
        IsmsLink: {
            /** @enum {string} */
            kind: "node" | "risk" | "control" | "document" | "record";
            /** @description node: FRAMEWORK:NODE; risk: a risk's ref; control: A.5.1 or an own control's ref; document: DOC-NNN; record: REGISTER/REF */
            target: string;
        };
        /** @description A record of an ISMS register */
        IsmsRecord: {
            id: number;
            register: string;
            ref: string;
            title: string;
            status: string;
            owner: string;
            /** @description The register's fields that hold a value: text, dates (YYYY-MM-DD) and enums as strings, numbers as numbers, lists as arrays of strings */
            fields: {
                [key: string]: string | number | string[];
            };
            links: components["schemas"]["IsmsLink"][];
            /** @description The edition (approvable registers): an edit of an approved record starts the next one */
            revision: number;
            /** @description The newest approved revision (0: none) */
            approved_revision: number;
            /** @description Whether the revision as it stands is approved */
            approved: boolean;
            approved_by?: string;
            approved_at?: string;
            deleted?: boolean;
            deleted_by?: string;
            deleted_at?: string;
            /** @description The row's version (the ETag) */
            version: number;
            created_at?: string;
            created_by?: string;
            updated_at?: string;
            updated_by?: string;
            /** @description Awareness programmes: completed / targeted in percent */
            completion?: number | null;
        };
        IsmsRecordPage: components["schemas"]["Page"] & {
            items?: components["schemas"]["IsmsRecord"][];
        };
        /** @description A record as sent: title required for a new one; on PUT only the members sent change (fields member by member; null clears a field; links replace the list) */
        IsmsRecordWrite: {
            ref?: string;
            title?: string;
            status?: string;
            owner?: string;
            fields?: {
                [key: string]: string | number | null | string[];
            };
            links?: (components["schemas"]["IsmsLink"] | string)[];
        };
        /** @description Every register's key with its count of live records, and `documents` with the count of live documents (7.5) */
        IsmsCounts: {
            [key: string]: number;
        };
        IsmsComment: {
            id: number;
            author: string;
            at: string;
            text: string;
        };
        IsmsCommentList: {
            items: components["schemas"]["IsmsComment"][];
            total: number;
        };
        IsmsVersion: {
            version: number;
            revision: number;
            status: string;
            saved_at: string;
            saved_by: string;
            record: components["schemas"]["IsmsRecord"];
        };
        IsmsHistory: {
            items: components["schemas"]["IsmsVersion"][];
            total: number;
        };
        IsmsImportResult: {
            created: number;
            updated: number;
        };
        IsmsRaci: {
            roles: {
                ref: string;
                title: string;
            }[];
            processes: {
                process: string;
                /** @description role ref -> letters (R, A, C, I) */
                roles: {
                    [key: string]: string;
                };
            }[];
            /** @description Processes with several accountable roles, or none */
            warnings: string[];
        };
        /** @description One result of a measurement: the end of the period measured, the value, a note */
        MeasurementValue: {
            id: number;
            /** @description MEAS-NNN */
            measurement: string;
            /** @description YYYY-MM-DD */
            date: string;
            value: number;
            note: string;
            version: number;
            recorded_at: string;
            recorded_by: string;
        };
        MeasurementValueNew: {
            /** @description The end of the period measured, YYYY-MM-DD */
            date: string;
            value: number;
            note?: string;
        };
        MeasurementValueUpdate: {
            /** @description If sent, the value's own date */
            date?: string;
            value?: number;
            note?: string;
        };
        MeasurementValuePage: components["schemas"]["Page"] & {
            items: components["schemas"]["MeasurementValue"][];
        };
        /** @description What a chart of the measurement draws */
        MeasurementSeries: {
            measurement: string;
            title: string;
            unit: string;
            /** @enum {string} */
            direction: "higher-is-better" | "lower-is-better";
            frequency: string;
            target: number | null;
            threshold: number | null;
            /** @enum {string} */
            trend: "unknown" | "improving" | "stable" | "worsening";
            points: {
                date: string;
                value: number;
                /** @enum {string|null} */
                status: "met" | "warning" | "breached" | null;
                note: string;
            }[];
        };
        MeasurementImportResult: {
            created: number;
            corrected: number;
            unchanged: number;
        };
        ObjectiveProgress: {
            objective: string;
            measurement: string;
            /** @enum {string} */
            progress: "on-track" | "off-track" | "no-data";
            reason: string;
            latest: null | {
                date: string;
                value: number;
                /** @enum {string|null} */
                status: "met" | "warning" | "breached" | null;
            };
        };
        ObjectivesProgress: {
            today: string;
            total: number;
            items: components["schemas"]["ObjectiveProgress"][];
        };
        DocumentVersion: {
            number: number;
            /** @enum {string} */
            state: "draft" | "in-review" | "approved" | "published" | "superseded" | "retired";
            /** @description The version's file (null before one is attached) */
            file: null | {
                name: string;
                media_type: string;
                size: number;
                sha256: string;
            };
            author: string;
            created_at: string;
            change_note: string;
            submitted_by: string;
            submitted_at: string;
            /** @description Named at submit, else the approver */
            reviewer: string;
            approver: string;
            approved_at: string;
            published_by: string;
            published_at: string;
            /** @description When it was superseded or retired */
            ended_at: string;
        };
        Document: {
            ref: string;
            title: string;
            /** @enum {string} */
            type: "policy" | "topic-specific-policy" | "procedure" | "standard" | "plan" | "record" | "report" | "other";
            owner: string;
            /** @enum {string} */
            classification: "public" | "internal" | "confidential" | "restricted";
            review_months: number;
            /** @description YYYY-MM-DD, or empty */
            next_review: string;
            retention: string;
            distribution: string[];
            links: {
                /** @enum {string} */
                kind: "node" | "risk";
                target: string;
            }[];
            /** @enum {string} */
            state: "draft" | "in-review" | "approved" | "published" | "superseded" | "retired";
            published_version: number | null;
            newest_version: null | {
                number: number;
                /** @enum {string} */
                state: "draft" | "in-review" | "approved" | "published" | "superseded" | "retired";
            };
            retired: boolean;
            deleted: boolean;
            version: number;
            created_at: string;
            created_by: string;
            updated_at: string;
            updated_by: string;
            /** @description Published and past its next review */
            overdue: boolean;
            versions?: components["schemas"]["DocumentVersion"][];
        };
        DocumentSummary: {
            ref: string;
            title: string;
            /** @enum {string} */
            type: "policy" | "topic-specific-policy" | "procedure" | "standard" | "plan" | "record" | "report" | "other";
            owner: string;
            /** @enum {string} */
            classification: "public" | "internal" | "confidential" | "restricted";
            review_months: number;
            /** @description YYYY-MM-DD, or empty */
            next_review: string;
            retention: string;
            distribution: string[];
            links: {
                /** @enum {string} */
                kind: "node" | "risk";
                target: string;
            }[];
            /** @enum {string} */
            state: "draft" | "in-review" | "approved" | "published" | "superseded" | "retired";
            published_version: number | null;
            newest_version: null | {
                number: number;
                /** @enum {string} */
                state: "draft" | "in-review" | "approved" | "published" | "superseded" | "retired";
            };
            retired: boolean;
            deleted: boolean;
            version: number;
            created_at: string;
            created_by: string;
            updated_at: string;
            updated_by: string;
            /** @description Published and past its next review */
            overdue: boolean;
        };
        DocumentPage: {
            items: components["schemas"]["DocumentSummary"][];
            total: number;
            offset: number;
            limit: number;
        };
        DocumentCreate: {
            ref?: string;
            title: string;
            /** @enum {string} */
            type?: "policy" | "topic-specific-policy" | "procedure" | "standard" | "plan" | "record" | "report" | "other";
            owner?: string;
            /** @enum {string} */
            classification?: "public" | "internal" | "confidential" | "restricted";
            review_months?: number;
            next_review?: string;
            retention?: string;
            distribution?: string[];
            /** @description KIND:TARGET: node:FRAMEWORK:NODE or risk:REF */
            links?: string[];
            change_note?: string;
        };
        DocumentUpdate: {
            ref?: string;
            title?: string;
            /** @enum {string} */
            type?: "policy" | "topic-specific-policy" | "procedure" | "standard" | "plan" | "record" | "report" | "other";
            owner?: string;
            /** @enum {string} */
            classification?: "public" | "internal" | "confidential" | "restricted";
            review_months?: number;
            next_review?: string;
            retention?: string;
            distribution?: string[];
            /** @description KIND:TARGET: node:FRAMEWORK:NODE or risk:REF */
            links?: string[];
        };
        DocumentVersionList: {
            items: components["schemas"]["DocumentVersion"][];
            total: number;
        };
        DocumentSubmit: {
            reviewer?: string;
        };
        DocumentApprove: {
            /** @description true: approve only, publish later */
            hold?: boolean;
            next_review?: string;
        };
        DocumentPublish: {
            next_review?: string;
        };
        DocumentRevise: {
            change_note?: string;
        };
        DocumentAck: {
            person: string;
            version: number;
            acknowledged_at: string;
        };
        DocumentAcks: {
            ref: string;
            /** @description The published version (null: none) */
            version: number | null;
            acknowledged: number;
            pending: number;
            lines: {
                person: string;
                acknowledged_at: string | null;
            }[];
        };
        DocumentImportResult: {
            created: number;
            updated: number;
        };
        OrganizationSettings: {
            /**
             * @description forbid: the author of a version cannot approve it
             * @enum {string}
             */
            "self-approval"?: "allow" | "forbid";
        };
        /** @description What the ISMS has due on `today` */
        IsmsDue: {
            /** @description The date counted as of (YYYY-MM-DD) */
            today: string;
            total: number;
            items: {
                /** @enum {string} */
                kind: "document-review" | "objective" | "competence-review" | "obligation-review" | "awareness" | "change" | "scope-approval" | "action" | "audit" | "reassessment" | "management-review" | "risk-acceptance" | "risk-exception" | "acknowledgement" | "nonconformity";
                /** @description The register (or `documents`) the record is in */
                register: string;
                ref: string;
                title: string;
                owner: string;
                /** @description The date it was due, or for what is coming (an audit planned, a re-assessment or a risk acceptance falling due within 30 days) the date it falls due; null when it is due by what it holds, not by a date */
                due: string | null;
                days_overdue: number;
                /** @description What is late and by how much, for a person */
                reason: string;
            }[];
        };
        /** @description Certification readiness of an organization on `today` */
        IsmsReadiness: {
            /** @constant */
            framework: "iso-iec-27001-2022-isms";
            organization: string;
            /** @description The date assessed as of (YYYY-MM-DD) */
            today: string;
            summary: {
                requirements: number;
                met: number;
                partial: number;
                missing: number;
            };
            /** @description Clauses 4 to 10 with the count of their requirements by status */
            clauses: {
                clause: string;
                title: string;
                met: number;
                partial: number;
                missing: number;
            }[];
            requirements: {
                /** @description 4.1 ... 10.2 */
                clause: string;
                title: string;
                /** @description The framework's node (FRAMEWORK:NODE) */
                node: string;
                /** @enum {string} */
                status: "met" | "partial" | "missing";
                evidence: {
                    /** @description A register's key, or document, risk-register, soa, measurements, criteria */
                    kind: string;
                    /** @description The register's key, when the evidence is a register's record */
                    register?: string;
                    ref: string;
                    title: string;
                    /** @description Its state: status, revision and approval, dates */
                    state: string;
                }[];
                /** @description What is missing, each beginning with the clause */
                missing: string[];
            }[];
        };
        /** @description What is due for the signed-in person on `today` */
        MyWork: {
            /** @description The account's name */
            person: string;
            today: string;
            total: number;
            items: {
                organization: {
                    id: number;
                    name: string;
                };
                /** @enum {string} */
                kind: "document-review" | "objective" | "competence-review" | "obligation-review" | "awareness" | "change" | "scope-approval" | "action" | "audit" | "reassessment" | "management-review" | "risk-acceptance" | "risk-exception" | "acknowledgement" | "nonconformity";
                /** @description The register (or `documents`) the record is in */
                register: string;
                ref: string;
                title: string;
                owner: string;
                /** @description The date it was due, or for what is coming (an audit planned, a re-assessment or a risk acceptance falling due within 30 days) the date it falls due; null when it is due by what it holds, not by a date */
                due: string | null;
                days_overdue: number;
                /** @description What is late and by how much, for a person */
                reason: string;
            }[];
        };
        /** @description An account as a person: its e-mail address and the names it is known by in owner fields */
        Person: {
            name: string;
            /** @description "" when none */
            email: string;
            aliases: string[];
            /** @description Whether a calendar feed token is held */
            calendar: boolean;
            calendar_since: string | null;
            /** @description 0 while nothing was saved */
            version: number;
        };
        ReviewInputRecord: {
            /** @description The ISMS register of the record */
            register?: string;
            /** @description Another kind of record: risk, profile */
            kind?: string;
            ref: string;
            title: string;
            status: string;
            /** @description Why it is listed */
            why: string;
        };
        ReviewInput: {
            title: string;
            summary: {
                [key: string]: number;
            };
            records: components["schemas"]["ReviewInputRecord"][];
            profiles?: {
                profile: string;
                framework: string;
                before: number | null;
                before_at: string;
                now: number | null;
                now_at: string;
            }[];
        };
        /** @description The inputs of ISO/IEC 27001:2022 9.3.2 a-g and the profile's progress since the last review held */
        ReviewInputs: {
            review: string;
            date: string;
            /** @description The date of the last review held before it (empty: none) */
            since: string;
            prepared_at: string;
            frozen: boolean;
            held_at: string;
            held_by: string;
            a: components["schemas"]["ReviewInput"];
            b: components["schemas"]["ReviewInput"];
            c: components["schemas"]["ReviewInput"];
            d: components["schemas"]["ReviewInput"];
            e: components["schemas"]["ReviewInput"];
            f: components["schemas"]["ReviewInput"];
            g: components["schemas"]["ReviewInput"];
            profile: components["schemas"]["ReviewInput"];
        };
    };
    responses: {
        /** @description 400: a malformed parameter, header or body (for a body, `errors` names every field) */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description 401: not signed in: no session cookie or bearer token, or one that has ended */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description 401: unknown user or wrong password (the same answer for both) */
        SignInFailed: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description 403: the CSRF token is missing or wrong (cookie sessions), your role does not allow this, or a read-only API token tried to change something */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description 404: no such record, or one in an organization where you have no role */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description 412: the record changed since you read it; `current` holds it as stored now */
        PreconditionFailed: {
            headers: {
                ETag: components["headers"]["ETag"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description 413: the body is too large (JSON 1 MiB, files 8 MiB) */
        PayloadTooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description 415: the body is not sent as Content-Type: application/json */
        UnsupportedMediaType: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description 422: well-formed, but not accepted (a rule of the record) */
        Unprocessable: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description 428: send If-Match with the ETag of the version you read */
        PreconditionRequired: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description 429: too many failed sign-ins for this name, this address or both; wait Retry-After seconds (the password was not checked) */
        TooManyRequests: {
            headers: {
                /** @description Seconds to wait */
                "Retry-After"?: number;
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description 500: the server could not complete the request */
        InternalError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description 503: the server is running as many imports and conversions, or password checks (argon2id, 64 MiB each), as it runs at once; try again after Retry-After seconds */
        Busy: {
            headers: {
                /** @description Seconds to wait */
                "Retry-After"?: number;
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description 404: no such path: the API has no route for it */
        NoSuchPath: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description 405: the path does not answer this method; Allow lists those it does */
        MethodNotAllowed: {
            headers: {
                /** @description The methods the path answers */
                Allow?: string;
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description 414: the request target is over 8 KiB */
        UriTooLong: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description 416: the Range starts past the end of the download */
        RangeNotSatisfiable: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description 417: an Expect other than 100-continue */
        ExpectationFailed: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description 431: the request head is over 16 KiB or 100 fields */
        HeaderFieldsTooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description 501: a transfer coding other than chunked */
        NotImplemented: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description 503: the workspace database cannot be opened, or the server is running as many imports, conversions or password checks as it runs at once (then with Retry-After) */
        Unavailable: {
            headers: {
                /** @description Seconds to wait (when the server is busy) */
                "Retry-After"?: number;
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description 409: the change conflicts with what is stored (a ref or id already taken) */
        Conflict: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
    };
    parameters: never;
    requestBodies: never;
    headers: {
        /** @description The record's version in quotes, such as "3"; send it back as If-Match */
        ETag: string;
        /** @description attachment; filename="..." */
        ContentDisposition: string;
        /** @description cf_session=SECRET; Path=/; HttpOnly; SameSite=Strict; Max-Age=604800; under TLS the cookie is __Host-cf_session=SECRET; ...; Secure (no Domain) */
        SetSessionCookie: string;
        /** @description cf_session=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0 (__Host-cf_session and Secure under TLS) */
        ClearSessionCookie: string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getHealthz: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The server answers */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
        };
    };
    getMetrics: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The metrics */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain; version=0.0.4": string;
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    getOpenapiJson: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The OpenAPI document */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, never>;
                };
            };
        };
    };
    getSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The account */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Session"];
                };
            };
            401: components["responses"]["Unauthorized"];
            500: components["responses"]["InternalError"];
        };
    };
    postSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SignIn"];
            };
        };
        responses: {
            /** @description Signed in */
            200: {
                headers: {
                    "Set-Cookie": components["headers"]["SetSessionCookie"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Session"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["SignInFailed"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Busy"];
        };
    };
    deleteSession: {
        parameters: {
            query?: never;
            header?: {
                /** @description Required with the session cookie: the csrf_token of POST or GET /api/v1/session; without it (or wrong) the answer is 403. Not needed, and ignored, with a bearer token. */
                "X-CSRF-Token"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Signed out */
            204: {
                headers: {
                    "Set-Cookie": components["headers"]["ClearSessionCookie"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            500: components["responses"]["InternalError"];
        };
    };
    getSessionStatus: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Signed in or not */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionStatus"];
                };
            };
            500: components["responses"]["InternalError"];
        };
    };
    getPasswordPolicy: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The rule */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PasswordPolicy"];
                };
            };
            401: components["responses"]["Unauthorized"];
            500: components["responses"]["InternalError"];
        };
    };
    deleteSessions: {
        parameters: {
            query?: never;
            header?: {
                /** @description Required with the session cookie: the csrf_token of POST or GET /api/v1/session; without it (or wrong) the answer is 403. Not needed, and ignored, with a bearer token. */
                "X-CSRF-Token"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every session ended */
            204: {
                headers: {
                    "Set-Cookie": components["headers"]["ClearSessionCookie"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            500: components["responses"]["InternalError"];
        };
    };
    getTokens: {
        parameters: {
            query?: {
                /** @description Items per page, 0 to 1000 */
                limit?: number;
                /** @description Items to skip */
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The tokens */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            500: components["responses"]["InternalError"];
        };
    };
    postTokens: {
        parameters: {
            query?: never;
            header?: {
                /** @description Required with the session cookie: the csrf_token of POST or GET /api/v1/session; without it (or wrong) the answer is 403. Not needed, and ignored, with a bearer token. */
                "X-CSRF-Token"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TokenRequest"];
            };
        };
        responses: {
            /** @description The token, with its secret */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NewToken"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            500: components["responses"]["InternalError"];
        };
    };
    deleteTokensByToken: {
        parameters: {
            query?: never;
            header?: {
                /** @description Required with the session cookie: the csrf_token of POST or GET /api/v1/session; without it (or wrong) the answer is 403. Not needed, and ignored, with a bearer token. */
                "X-CSRF-Token"?: string;
            };
            path: {
                /**
                 * @description Token id (the id field, not the secret)
                 * @example 1
                 */
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Revoked */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    getUsers: {
        parameters: {
            query?: {
                /** @description Items per page, 0 to 1000 */
                limit?: number;
                /** @description Items to skip */
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of accounts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            500: components["responses"]["InternalError"];
        };
    };
    postUsers: {
        parameters: {
            query?: never;
            header?: {
                /** @description Required with the session cookie: the csrf_token of POST or GET /api/v1/session; without it (or wrong) the answer is 403. Not needed, and ignored, with a bearer token. */
                "X-CSRF-Token"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UserRequest"];
            };
        };
        responses: {
            /** @description The account */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Busy"];
        };
    };
    postUsersByNameDisable: {
        parameters: {
            query?: never;
            header?: {
                /** @description Required with the session cookie: the csrf_token of POST or GET /api/v1/session; without it (or wrong) the answer is 403. Not needed, and ignored, with a bearer token. */
                "X-CSRF-Token"?: string;
            };
            path: {
                /**
                 * @description Account name (without regard to case)
                 * @example root
                 */
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The account */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["Unprocessable"];
            500: components["responses"]["InternalError"];
        };
    };
    postUsersByNameEnable: {
        parameters: {
            query?: never;
            header?: {
                /** @description Required with the session cookie: the csrf_token of POST or GET /api/v1/session; without it (or wrong) the answer is 403. Not needed, and ignored, with a bearer token. */
                "X-CSRF-Token"?: string;
            };
            path: {
                /**
                 * @description Account name (without regard to case)
                 * @example root
                 */
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The account */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["Unprocessable"];
            500: components["responses"]["InternalError"];
        };
    };
    putUsersByNamePassword: {
        parameters: {
            query?: never;
            header?: {
                /** @description Required with the session cookie: the csrf_token of POST or GET /api/v1/session; without it (or wrong) the answer is 403. Not needed, and ignored, with a bearer token. */
                "X-CSRF-Token"?: string;
            };
            path: {
                /**
                 * @description Account name (without regard to case)
                 * @example root
                 */
                name: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    password: string;
                };
            };
        };
        responses: {
            /** @description Password reset; the account's sessions ended and its API tokens revoked */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Busy"];
        };
    };
    getUsersByNameTokens: {
        parameters: {
            query?: {
                /** @description Items per page, 0 to 1000 */
                limit?: number;
                /** @description Items to skip */
                offset?: number;
            };
            header?: never;
            path: {
                /**
                 * @description Account name (without regard to case)
                 * @example root
                 */
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The tokens */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    deleteUsersByNameTokensByToken: {
        parameters: {
            query?: never;
            header?: {
                /** @description Required with the session cookie: the csrf_token of POST or GET /api/v1/session; without it (or wrong) the answer is 403. Not needed, and ignored, with a bearer token. */
                "X-CSRF-Token"?: string;
            };
            path: {
                /**
                 * @description Account name (without regard to case)
                 * @example root
                 */
                name: string;
                /**
                 * @description Token id (the id field, not the secret)
                 * @example 1
                 */
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Revoked */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    putUsersByNameRolesByOrg: {
        parameters: {
            query?: never;
            header?: {
                /** @description Required with the session cookie: the csrf_token of POST or GET /api/v1/session; without it (or wrong) the answer is 403. Not needed, and ignored, with a bearer token. */
                "X-CSRF-Token"?: string;
            };
            path: {
                /**
                 * @description Account name
                 * @example viewer
                 */
                name: string;
                /**
                 * @description Organization id (a whole number)
                 * @example 1
                 */
                org: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RoleRequest"];
            };
        };
        responses: {
            /** @description The account with its roles */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            500: components["responses"]["InternalError"];
        };
    };
    deleteUsersByNameRolesByOrg: {
        parameters: {
            query?: never;
            header?: {
                /** @description Required with the session cookie: the csrf_token of POST or GET /api/v1/session; without it (or wrong) the answer is 403. Not needed, and ignored, with a bearer token. */
                "X-CSRF-Token"?: string;
            };
            path: {
                /**
                 * @description Account name
                 * @example viewer
                 */
                name: string;
                /**
                 * @description Organization id (a whole number)
                 * @example 1
                 */
                org: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The account with its remaining roles */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    getFrameworks: {
        parameters: {
            query?: {
                /** @description Items per page, 0 to 500 */
                limit?: number;
                /** @description Items to skip */
                offset?: number;
                /** @description Order by id or by title */
                sort?: "id" | "title";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of frameworks */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FrameworkPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
        };
    };
    getFrameworksById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Framework id, as GET /api/v1/frameworks lists them
                 * @example iso-tr-27103-2018
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The framework */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Framework"];
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    putStoredFramework: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description The ETag of the version you read, such as "3". Missing: 428; malformed: 400; not the stored version: 412.
                 * @example "1"
                 */
                "If-Match": string;
                /** @description Required with the session cookie: the csrf_token of the session; not needed with a bearer token. */
                "X-CSRF-Token"?: string;
            };
            path: {
                /**
                 * @description The id of a framework the workspace stores
                 * @example acme-ot
                 */
                id: string;
            };
            cookie?: never;
        };
        /** @description The framework: JSON {document} or {yaml}, or the catalog file itself as application/yaml; at most the upload limit (8 MiB) */
        requestBody: {
            content: {
                "application/json": components["schemas"]["FrameworkDraft"];
                "application/yaml": string;
            };
        };
        responses: {
            /** @description The new version */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StoredFrameworkDetail"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            /** @description 409: the new version drops nodes that records hold, or would leave another stored framework unable to load */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            /** @description 422: the framework does not load (`errors` lists the catalog diagnostics, `ts_27110` its conformance) or the body is not a draft */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            428: components["responses"]["PreconditionRequired"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Busy"];
        };
    };
    deleteStoredFramework: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description The ETag of the version you read, such as "3". Missing: 428; malformed: 400; not the stored version: 412.
                 * @example "1"
                 */
                "If-Match": string;
                /** @description Required with the session cookie: the csrf_token of the session; not needed with a bearer token. */
                "X-CSRF-Token"?: string;
            };
            path: {
                /**
                 * @description The id of a framework the workspace stores
                 * @example acme-ot
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            /** @description 409: in use (the detail names the profiles and mapping sets) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            412: components["responses"]["PreconditionFailed"];
            428: components["responses"]["PreconditionRequired"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Busy"];
        };
    };
    getFrameworksByIdNodesByNode: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Framework id, as GET /api/v1/frameworks lists them
                 * @example iso-tr-27103-2018
                 */
                id: string;
                /**
                 * @description Node id within the framework (of the profile, for profile routes)
                 * @example ID.AM-1
                 */
                node: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The node */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CatalogNode"];
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    getReferences: {
        parameters: {
            query: {
                /**
                 * @description A designation such as ISO/IEC 27002:2022, or a standard id
                 * @example ISO/IEC 27002:2022
                 */
                standard: string;
                /**
                 * @description A clause of the standard
                 * @example 8.8
                 */
                clause?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The citations */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Citations"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    getScales: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The scales */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScalePage"];
                };
            };
            401: components["responses"]["Unauthorized"];
            500: components["responses"]["InternalError"];
        };
    };
    getOrganizations: {
        parameters: {
            query?: {
                /** @description Items per page, 0 to 1000 */
                limit?: number;
                /** @description Items to skip */
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of organizations */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrganizationPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            500: components["responses"]["InternalError"];
        };
    };
    postOrganizations: {
        parameters: {
            query?: never;
            header?: {
                /** @description Required with the session cookie: the csrf_token of POST or GET /api/v1/session; without it (or wrong) the answer is 403. Not needed, and ignored, with a bearer token. */
                "X-CSRF-Token"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OrganizationRequest"];
            };
        };
        responses: {
            /** @description The organization */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Organization"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            500: components["responses"]["InternalError"];
        };
    };
    getOrganizationsByOrg: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Organization id (a whole number)
                 * @example 1
                 */
                org: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The organization */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Organization"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    getOrganizationsByOrgDashboard: {
        parameters: {
            query?: {
                /**
                 * @description The current profile to show (an id in this organization)
                 * @example 1
                 */
                profile?: number;
            };
            header?: never;
            path: {
                /**
                 * @description Organization id (a whole number)
                 * @example 1
                 */
                org: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The dashboard */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Dashboard"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    getOrganizationsByOrgProfiles: {
        parameters: {
            query?: {
                /** @description Items per page, 0 to 1000 */
                limit?: number;
                /** @description Items to skip */
                offset?: number;
            };
            header?: never;
            path: {
                /**
                 * @description Organization id (a whole number)
                 * @example 1
                 */
                org: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of profiles */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProfilePage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    postOrganizationsByOrgProfiles: {
        parameters: {
            query?: never;
            header?: {
                /** @description Required with the session cookie: the csrf_token of POST or GET /api/v1/session; without it (or wrong) the answer is 403. Not needed, and ignored, with a bearer token. */
                "X-CSRF-Token"?: string;
            };
            path: {
                /**
                 * @description Organization id (a whole number)
                 * @example 1
                 */
                org: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProfileRequest"];
            };
        };
        responses: {
            /** @description The profile */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Profile"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            500: components["responses"]["InternalError"];
        };
    };
    getProfilesById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Profile id (a whole number)
                 * @example 1
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The profile */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProfileDetail"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    getProfilesByIdNodes: {
        parameters: {
            query?: {
                /**
                 * @description Only the subcategories under this function
                 * @example PR
                 */
                function?: string;
                /** @description Only the nodes of this owner (exact match) */
                owner?: string;
                /** @description open or closed */
                gap?: "open" | "closed";
                /** @description Text to find in id, title, description or notes (case-insensitive) */
                q?: string;
                /**
                 * @description The target profile to compare with (an id in the same organization)
                 * @example 2
                 */
                target?: number;
                /** @description Items per page, 0 to 5000 */
                limit?: number;
                /** @description Items to skip */
                offset?: number;
            };
            header?: never;
            path: {
                /**
                 * @description Profile id (a whole number)
                 * @example 1
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of node rows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NodeRowPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["Unprocessable"];
            500: components["responses"]["InternalError"];
        };
    };
    getProfilesByIdNodesByNode: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Profile id (a whole number)
                 * @example 1
                 */
                id: string;
                /**
                 * @description Node id within the framework (of the profile, for profile routes)
                 * @example ID.AM-1
                 */
                node: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The assessment */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NodeAssessment"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    putProfilesByIdNodesByNode: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description The ETag of the version you read, such as "3" (W/"3" is accepted too). Missing: 428; not of that form (including *): 400; not the stored version: 412.
                 * @example "1"
                 */
                "If-Match": string;
                /** @description Required with the session cookie: the csrf_token of POST or GET /api/v1/session; without it (or wrong) the answer is 403. Not needed, and ignored, with a bearer token. */
                "X-CSRF-Token"?: string;
            };
            path: {
                /**
                 * @description Profile id (a whole number)
                 * @example 1
                 */
                id: string;
                /**
                 * @description Node id within the framework (of the profile, for profile routes)
                 * @example ID.AM-1
                 */
                node: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NodeAssessmentUpdate"];
            };
        };
        responses: {
            /** @description The stored assessment, with its new version */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NodeAssessment"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            428: components["responses"]["PreconditionRequired"];
            500: components["responses"]["InternalError"];
        };
    };
    getProfilesByIdNodesByNodeHistory: {
        parameters: {
            query?: {
                /** @description Items per page, 0 to 1000 */
                limit?: number;
                /** @description Items to skip (accepted and echoed, but not applied: see the description) */
                offset?: number;
            };
            header?: never;
            path: {
                /**
                 * @description Profile id (a whole number)
                 * @example 1
                 */
                id: string;
                /**
                 * @description Node id within the framework (of the profile, for profile routes)
                 * @example ID.AM-1
                 */
                node: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The records */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    getProfilesByIdNodesByNodeComments: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Profile id (a whole number)
                 * @example 1
                 */
                id: string;
                /**
                 * @description Node id within the framework (of the profile, for profile routes)
                 * @example ID.AM-1
                 */
                node: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The comments */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommentPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    postProfilesByIdNodesByNodeComments: {
        parameters: {
            query?: never;
            header?: {
                /** @description Required with the session cookie: the csrf_token of POST or GET /api/v1/session; without it (or wrong) the answer is 403. Not needed, and ignored, with a bearer token. */
                "X-CSRF-Token"?: string;
            };
            path: {
                /**
                 * @description Profile id (a whole number)
                 * @example 1
                 */
                id: string;
                /**
                 * @description Node id within the framework (of the profile, for profile routes)
                 * @example ID.AM-1
                 */
                node: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CommentRequest"];
            };
        };
        responses: {
            /** @description The comment */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Comment"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            500: components["responses"]["InternalError"];
        };
    };
    postProfilesByIdNodesByNodeEvidence: {
        parameters: {
            query?: {
                /**
                 * @description The file's name (for a file upload; required then)
                 * @example policy.pdf
                 */
                name?: string;
            };
            header?: {
                /** @description Required with the session cookie: the csrf_token of POST or GET /api/v1/session; without it (or wrong) the answer is 403. Not needed, and ignored, with a bearer token. */
                "X-CSRF-Token"?: string;
            };
            path: {
                /**
                 * @description Profile id (a whole number)
                 * @example 1
                 */
                id: string;
                /**
                 * @description Node id within the framework (of the profile, for profile routes)
                 * @example ID.AM-1
                 */
                node: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EvidenceLinkRequest"];
                "application/octet-stream": string;
            };
        };
        responses: {
            /** @description The evidence */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Evidence"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            500: components["responses"]["InternalError"];
        };
    };
    getProfilesByIdEvidenceBySha256: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Profile id (a whole number)
                 * @example 1
                 */
                id: string;
                /**
                 * @description SHA-256 of the evidence file, 64 lower-case hex digits
                 * @example f0d28b0022ab58112d3ff447d3490c03caae2fa12fecf65563d4fd346eb0aa2c
                 */
                sha256: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file */
            200: {
                headers: {
                    "Content-Disposition": components["headers"]["ContentDisposition"];
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    getProfilesByIdGaps: {
        parameters: {
            query?: {
                /**
                 * @description The target profile (an id in the same organization)
                 * @example 2
                 */
                target?: number;
                /**
                 * @description Only outcomes under this function (an id of the profile's framework, such as PR); another id is 400
                 * @example PR
                 */
                function?: string;
                /**
                 * @description Only outcomes under this category (an id of the profile's framework, such as PR.AC); another id is 400
                 * @example PR.AC
                 */
                category?: string;
                /** @description Only outcomes of this priority: 1 (high), 2 (medium), 3 (low), or the words high, medium, low */
                priority?: "1" | "2" | "3" | "high" | "medium" | "low";
                /**
                 * @description Only gaps of at least this: a number from 0 to 100 with at most two decimals (1, 0.5)
                 * @example 1
                 */
                min_gap?: string;
                /** @description Only outcomes of this owner (the whole name, ignoring case; at most 200 bytes, one line) */
                owner?: string;
                /**
                 * @description Only outcomes with this text in their id, title or description (ignoring case; at most 200 bytes, one line)
                 * @example inventor
                 */
                q?: string;
                /** @description Items per page, 0 to 5000 */
                limit?: number;
                /** @description Items to skip */
                offset?: number;
            };
            header?: never;
            path: {
                /**
                 * @description Profile id (a whole number)
                 * @example 1
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The gaps */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GapAnalysis"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["Unprocessable"];
            500: components["responses"]["InternalError"];
        };
    };
    getProfilesByIdGapsExport: {
        parameters: {
            query?: {
                /** @description csv or xlsx */
                format?: "csv" | "xlsx";
                /**
                 * @description The target profile (an id in the same organization)
                 * @example 2
                 */
                target?: number;
                /**
                 * @description Only outcomes under this function (an id of the profile's framework, such as PR); another id is 400
                 * @example PR
                 */
                function?: string;
                /**
                 * @description Only outcomes under this category (an id of the profile's framework, such as PR.AC); another id is 400
                 * @example PR.AC
                 */
                category?: string;
                /** @description Only outcomes of this priority: 1 (high), 2 (medium), 3 (low), or the words high, medium, low */
                priority?: "1" | "2" | "3" | "high" | "medium" | "low";
                /**
                 * @description Only gaps of at least this: a number from 0 to 100 with at most two decimals (1, 0.5)
                 * @example 1
                 */
                min_gap?: string;
                /** @description Only outcomes of this owner (the whole name, ignoring case; at most 200 bytes, one line) */
                owner?: string;
                /**
                 * @description Only outcomes with this text in their id, title or description (ignoring case; at most 200 bytes, one line)
                 * @example inventor
                 */
                q?: string;
            };
            header?: never;
            path: {
                /**
                 * @description Profile id (a whole number)
                 * @example 1
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file */
            200: {
                headers: {
                    "Content-Disposition": components["headers"]["ContentDisposition"];
                    [name: string]: unknown;
                };
                content: {
                    "text/csv; charset=utf-8": string;
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["Unprocessable"];
            500: components["responses"]["InternalError"];
        };
    };
    getProfilesByIdAssessments: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Profile id (a whole number)
                 * @example 1
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The assessments */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SnapshotPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    postProfilesByIdAssessments: {
        parameters: {
            query?: never;
            header?: {
                /** @description Required with the session cookie: the csrf_token of POST or GET /api/v1/session; without it (or wrong) the answer is 403. Not needed, and ignored, with a bearer token. */
                "X-CSRF-Token"?: string;
            };
            path: {
                /**
                 * @description Profile id (a whole number)
                 * @example 1
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SnapshotRequest"];
            };
        };
        responses: {
            /** @description The assessment */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Snapshot"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            500: components["responses"]["InternalError"];
        };
    };
    getProfilesByIdExport: {
        parameters: {
            query?: {
                /** @description csv, xlsx or yaml */
                format?: "csv" | "xlsx" | "yaml";
            };
            header?: never;
            path: {
                /**
                 * @description Profile id (a whole number)
                 * @example 1
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file */
            200: {
                headers: {
                    "Content-Disposition": components["headers"]["ContentDisposition"];
                    [name: string]: unknown;
                };
                content: {
                    "text/csv; charset=utf-8": string;
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                    "application/yaml": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    postProfilesByIdImport: {
        parameters: {
            query?: {
                /** @description csv, xlsx or yaml */
                format?: "csv" | "xlsx" | "yaml";
            };
            header?: {
                /** @description Required with the session cookie: the csrf_token of POST or GET /api/v1/session; without it (or wrong) the answer is 403. Not needed, and ignored, with a bearer token. */
                "X-CSRF-Token"?: string;
            };
            path: {
                /**
                 * @description Profile id (a whole number)
                 * @example 1
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "text/csv": string;
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                "application/yaml": string;
            };
        };
        responses: {
            /** @description How many rows the file had, how many changed a node and how many were left alone */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["Unprocessable"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Busy"];
        };
    };
    getOrganizationsByOrgActions: {
        parameters: {
            query?: {
                /** @description Only actions with this status */
                status?: "planned" | "in-progress" | "done" | "cancelled";
                /** @description Items per page, 0 to 1000 */
                limit?: number;
                /** @description Items to skip */
                offset?: number;
            };
            header?: never;
            path: {
                /**
                 * @description Organization id (a whole number)
                 * @example 1
                 */
                org: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of actions */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActionPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    postOrganizationsByOrgActions: {
        parameters: {
            query?: never;
            header?: {
                /** @description Required with the session cookie: the csrf_token of POST or GET /api/v1/session; without it (or wrong) the answer is 403. Not needed, and ignored, with a bearer token. */
                "X-CSRF-Token"?: string;
            };
            path: {
                /**
                 * @description Organization id (a whole number)
                 * @example 1
                 */
                org: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ActionCreate"];
            };
        };
        responses: {
            /** @description The action */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Action"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            500: components["responses"]["InternalError"];
        };
    };
    putActionsByAction: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description The ETag of the version you read, such as "3" (W/"3" is accepted too). Missing: 428; not of that form (including *): 400; not the stored version: 412.
                 * @example "1"
                 */
                "If-Match": string;
                /** @description Required with the session cookie: the csrf_token of POST or GET /api/v1/session; without it (or wrong) the answer is 403. Not needed, and ignored, with a bearer token. */
                "X-CSRF-Token"?: string;
            };
            path: {
                /**
                 * @description Action id (a whole number)
                 * @example 1
                 */
                action: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ActionUpdate"];
            };
        };
        responses: {
            /** @description The action, with its new version */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Action"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            428: components["responses"]["PreconditionRequired"];
            500: components["responses"]["InternalError"];
        };
    };
    getProfilesByIdWhatIf: {
        parameters: {
            query?: {
                /**
                 * @description The target profile (an id in the same organization)
                 * @example 2
                 */
                target?: number;
                /**
                 * @description The actions taken as done: action ids of the profile's organization, comma separated (at most 1000). None or empty: the gaps as they are on both sides.
                 * @example 1,2,3
                 */
                actions?: string;
            };
            header?: never;
            path: {
                /**
                 * @description Profile id (a whole number)
                 * @example 1
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The gaps now and with the actions done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WhatIf"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["Unprocessable"];
            500: components["responses"]["InternalError"];
        };
    };
    getOrganizationsByOrgReportsByAudience: {
        parameters: {
            query?: {
                /**
                 * @description The profile to report on (an id in this organization)
                 * @example 1
                 */
                profile?: number;
            };
            header?: never;
            path: {
                /**
                 * @description Organization id (a whole number)
                 * @example 1
                 */
                org: string;
                /**
                 * @description The report's audience
                 * @example executive
                 */
                audience: "executive" | "practitioner" | "management";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The report */
            200: {
                headers: {
                    "Content-Disposition": components["headers"]["ContentDisposition"];
                    [name: string]: unknown;
                };
                content: {
                    "text/html; charset=utf-8": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["Unprocessable"];
            500: components["responses"]["InternalError"];
        };
    };
    getAudit: {
        parameters: {
            query?: {
                /**
                 * @description Only changes made by this person (the account name, or the name a command line ran --as); exact
                 * @example root
                 */
                actor?: string;
                /**
                 * @description Only rows of this kind of record (organization, profile, node, snapshot, action, evidence, comment, scale, mapping-set, user, token, session, audit)
                 * @example node
                 */
                entity?: string;
                /** @description Only rows of this record (its id), such as 1/ID.AM-1 for a node of profile 1 */
                entity_id?: string;
                /** @description Only rows of this action (create, update, delete, import, freeze, grant, revoke, sign-in-failed, anchor, ...) */
                action?: string;
                /**
                 * @description Only rows at or after this date (YYYY-MM-DD: from its first second) or RFC 3339 timestamp (2026-03-31T14:00:00Z, 2026-03-31T16:00:00+02:00; turned to UTC, a fraction rounds up). Anything else is a 400 naming the parameter.
                 * @example 2000-01-01
                 */
                from?: string;
                /** @description Only rows at or before this date (YYYY-MM-DD: the whole day) or RFC 3339 timestamp (a fraction rounds down). A from later than to is a 400. */
                to?: string;
                /** @description Rows, 1 to 1000 */
                limit?: number;
                /** @description Only rows with a smaller id (the next_before of the previous page) */
                before?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The records */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditLog"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            500: components["responses"]["InternalError"];
        };
    };
    getAuditVerify: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The verdict */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditVerification"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            500: components["responses"]["InternalError"];
        };
    };
    getAuditExport: {
        parameters: {
            query?: {
                /**
                 * @description Only changes made by this person (the account name, or the name a command line ran --as); exact
                 * @example root
                 */
                actor?: string;
                /**
                 * @description Only rows of this kind of record (organization, profile, node, snapshot, action, evidence, comment, scale, mapping-set, user, token, session, audit)
                 * @example node
                 */
                entity?: string;
                /** @description Only rows of this record (its id), such as 1/ID.AM-1 for a node of profile 1 */
                entity_id?: string;
                /** @description Only rows of this action (create, update, delete, import, freeze, grant, revoke, sign-in-failed, anchor, ...) */
                action?: string;
                /**
                 * @description Only rows at or after this date (YYYY-MM-DD: from its first second) or RFC 3339 timestamp (2026-03-31T14:00:00Z, 2026-03-31T16:00:00+02:00; turned to UTC, a fraction rounds up). Anything else is a 400 naming the parameter.
                 * @example 2000-01-01
                 */
                from?: string;
                /** @description Only rows at or before this date (YYYY-MM-DD: the whole day) or RFC 3339 timestamp (a fraction rounds down). A from later than to is a 400. */
                to?: string;
                /** @description csv or xlsx */
                format?: "csv" | "xlsx";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file (Content-Disposition: attachment; filename="audit-trail-YYYY-MM-DD.csv" or .xlsx) */
            200: {
                headers: {
                    "Content-Disposition": components["headers"]["ContentDisposition"];
                    [name: string]: unknown;
                };
                content: {
                    "text/csv; charset=utf-8": string;
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["Unprocessable"];
            500: components["responses"]["InternalError"];
        };
    };
    changePassword: {
        parameters: {
            query?: never;
            header?: {
                /** @description Required with the session cookie: the csrf_token of POST or GET /api/v1/session; without it (or wrong) the answer is 403. Not needed, and ignored, with a bearer token. */
                "X-CSRF-Token"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    current_password: string;
                    new_password: string;
                };
            };
        };
        responses: {
            /** @description Password changed; a new session */
            200: {
                headers: {
                    "Set-Cookie": components["headers"]["SetSessionCookie"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Session"];
                };
            };
            /** @description Password changed (called with an API token) */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Busy"];
        };
    };
    getCrosswalk: {
        parameters: {
            query?: {
                /** @description Also compose this organization's mapping sets */
                organization?: string;
                /** @description Only this node (or clause) of `from`; one that `from` does not have is 404 */
                node?: string;
                /** @description Items per page, 0 to 1000 */
                limit?: number;
                /** @description Items to skip */
                offset?: number;
            };
            header?: never;
            path: {
                /**
                 * @description Framework or standard id
                 * @example iso-tr-27103-2018
                 */
                from: string;
                /**
                 * @description Framework or standard id
                 * @example nist-csf-1.1
                 */
                to: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of relationships */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CrosswalkPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    getMappingSets: {
        parameters: {
            query?: {
                /** @description Items per page, 0 to 1000 */
                limit?: number;
                /** @description Items to skip */
                offset?: number;
            };
            header?: never;
            path: {
                /**
                 * @description Organization id (a whole number)
                 * @example 1
                 */
                org: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of mapping sets */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MappingSetPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    postMappingSet: {
        parameters: {
            query?: never;
            header?: {
                /** @description Required with the session cookie: the csrf_token of the session; not needed with a bearer token. */
                "X-CSRF-Token"?: string;
            };
            path: {
                /**
                 * @description Organization id (a whole number)
                 * @example 1
                 */
                org: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MappingSetCreate"];
            };
        };
        responses: {
            /** @description The set */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MappingSet"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            /** @description The name is taken, or the pair is already mapped */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            500: components["responses"]["InternalError"];
        };
    };
    getMappingSet: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Mapping set id (a whole number)
                 * @example 1
                 */
                set: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The set */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MappingSet"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    putMappingSet: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description The ETag of the version you read, such as "3". Missing: 428; malformed: 400; not the stored version: 412.
                 * @example "1"
                 */
                "If-Match": string;
                /** @description Required with the session cookie: the csrf_token of the session; not needed with a bearer token. */
                "X-CSRF-Token"?: string;
            };
            path: {
                /**
                 * @description Mapping set id (a whole number)
                 * @example 1
                 */
                set: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MappingSetUpdate"];
            };
        };
        responses: {
            /** @description The set */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MappingSet"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            428: components["responses"]["PreconditionRequired"];
            500: components["responses"]["InternalError"];
        };
    };
    deleteMappingSet: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description The ETag of the version you read, such as "3". Missing: 428; malformed: 400; not the stored version: 412.
                 * @example "1"
                 */
                "If-Match": string;
                /** @description Required with the session cookie: the csrf_token of the session; not needed with a bearer token. */
                "X-CSRF-Token"?: string;
            };
            path: {
                /**
                 * @description Mapping set id (a whole number)
                 * @example 1
                 */
                set: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            412: components["responses"]["PreconditionFailed"];
            428: components["responses"]["PreconditionRequired"];
            500: components["responses"]["InternalError"];
        };
    };
    getMappingSetExport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Mapping set id (a whole number)
                 * @example 1
                 */
                set: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description YAML */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/yaml": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    postMapping: {
        parameters: {
            query?: never;
            header?: {
                /** @description Required with the session cookie: the csrf_token of the session; not needed with a bearer token. */
                "X-CSRF-Token"?: string;
            };
            path: {
                /**
                 * @description Mapping set id (a whole number)
                 * @example 1
                 */
                set: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MappingRequest"];
            };
        };
        responses: {
            /** @description The set, with its new version */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MappingSet"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            /** @description The name is taken, or the pair is already mapped */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            500: components["responses"]["InternalError"];
        };
    };
    putMapping: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description The ETag of the version you read, such as "3". Missing: 428; malformed: 400; not the stored version: 412.
                 * @example "1"
                 */
                "If-Match": string;
                /** @description Required with the session cookie: the csrf_token of the session; not needed with a bearer token. */
                "X-CSRF-Token"?: string;
            };
            path: {
                /**
                 * @description Mapping set id (a whole number)
                 * @example 1
                 */
                set: string;
                /**
                 * @description Mapping id within the set (a whole number)
                 * @example 1
                 */
                mapping: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MappingUpdate"];
            };
        };
        responses: {
            /** @description The mapping */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Mapping"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            /** @description Another mapping of the set already maps one of the pairs */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            428: components["responses"]["PreconditionRequired"];
            500: components["responses"]["InternalError"];
        };
    };
    deleteMapping: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description The ETag of the version you read, such as "3". Missing: 428; malformed: 400; not the stored version: 412.
                 * @example "1"
                 */
                "If-Match": string;
                /** @description Required with the session cookie: the csrf_token of the session; not needed with a bearer token. */
                "X-CSRF-Token"?: string;
            };
            path: {
                /**
                 * @description Mapping set id (a whole number)
                 * @example 1
                 */
                set: string;
                /**
                 * @description Mapping id within the set (a whole number)
                 * @example 1
                 */
                mapping: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The set, with its new version */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MappingSet"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            412: components["responses"]["PreconditionFailed"];
            428: components["responses"]["PreconditionRequired"];
            500: components["responses"]["InternalError"];
        };
    };
    postProfileProject: {
        parameters: {
            query?: never;
            header?: {
                /** @description Required with the session cookie: the csrf_token of the session; not needed with a bearer token. */
                "X-CSRF-Token"?: string;
            };
            path: {
                /**
                 * @description Profile id (a whole number)
                 * @example 1
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProjectionRequest"];
            };
        };
        responses: {
            /** @description The projection, node by node */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Projection"];
                };
            };
            /** @description The projection into a new profile */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Projection"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            /** @description The profile's framework is not in the server's catalog, or the destination profile changed during the projection */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            500: components["responses"]["InternalError"];
        };
    };
    getFrameworkOscal: {
        parameters: {
            query?: {
                /** @description json (default), xml or yaml */
                format?: "json" | "xml" | "yaml";
            };
            header?: {
                /** @description The ETag of a copy you hold: 304 without a body when it is still the same */
                "If-None-Match"?: string;
            };
            path: {
                /**
                 * @description Framework id, as GET /api/v1/frameworks lists them
                 * @example iso-tr-27103-2018
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The OSCAL catalog */
            200: {
                headers: {
                    "Content-Disposition": components["headers"]["ContentDisposition"];
                    /** @description The document's digest in quotes; send it back as If-None-Match for a 304 */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/oscal.catalog+json": components["schemas"]["OscalDocument"];
                    "application/oscal.catalog+xml": string;
                    "application/oscal.catalog+yaml": string;
                };
            };
            /** @description Not modified: the copy named by If-None-Match is current */
            304: {
                headers: {
                    /** @description The document's digest in quotes; send it back as If-None-Match for a 304 */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    getCatalogMappingSets: {
        parameters: {
            query?: {
                /** @description Only sets from this catalog item (framework or standard id) */
                source?: string;
                /** @description Only sets to this catalog item */
                target?: string;
                /** @description Items per page, 0 to 1000 */
                limit?: number;
                /** @description Items to skip */
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of mapping sets */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CatalogMappingSetPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            500: components["responses"]["InternalError"];
        };
    };
    getCatalogMappingSetOscal: {
        parameters: {
            query?: {
                /** @description json (default), xml or yaml */
                format?: "json" | "xml" | "yaml";
            };
            header?: {
                /** @description The ETag of a copy you hold: 304 without a body when it is still the same */
                "If-None-Match"?: string;
            };
            path: {
                /**
                 * @description Mapping set id, as GET /api/v1/catalog/mapping-sets lists them
                 * @example nist-csf-1.1-to-nist-csf-2.0
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The OSCAL mapping collection */
            200: {
                headers: {
                    "Content-Disposition": components["headers"]["ContentDisposition"];
                    /** @description The document's digest in quotes; send it back as If-None-Match for a 304 */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/oscal+json": components["schemas"]["OscalDocument"];
                    "application/oscal+xml": string;
                    "application/oscal+yaml": string;
                };
            };
            /** @description Not modified: the copy named by If-None-Match is current */
            304: {
                headers: {
                    /** @description The document's digest in quotes; send it back as If-None-Match for a 304 */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    getMappingSetOscal: {
        parameters: {
            query?: {
                /** @description json (default), xml or yaml */
                format?: "json" | "xml" | "yaml";
            };
            header?: {
                /** @description The ETag of a copy you hold: 304 without a body when it is still the same */
                "If-None-Match"?: string;
            };
            path: {
                /**
                 * @description Mapping set id (a whole number)
                 * @example 1
                 */
                set: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The OSCAL mapping collection */
            200: {
                headers: {
                    "Content-Disposition": components["headers"]["ContentDisposition"];
                    /** @description The document's digest in quotes; send it back as If-None-Match for a 304 */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/oscal+json": components["schemas"]["OscalDocument"];
                    "application/oscal+xml": string;
                    "application/oscal+yaml": string;
                };
            };
            /** @description Not modified: the copy named by If-None-Match is current */
            304: {
                headers: {
                    /** @description The document's digest in quotes; send it back as If-None-Match for a 304 */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    getProfileOscalAssessmentResults: {
        parameters: {
            query?: {
                /** @description json (default), xml or yaml */
                format?: "json" | "xml" | "yaml";
                /** @description A frozen assessment of the profile (its id, GET /api/v1/profiles/{id}/assessments); default the profile now */
                assessment?: string;
                /** @description A target profile of the same organization and framework (its id) */
                target?: string;
            };
            header?: never;
            path: {
                /**
                 * @description Profile id (a whole number)
                 * @example 1
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The OSCAL assessment results */
            200: {
                headers: {
                    "Content-Disposition": components["headers"]["ContentDisposition"];
                    /** @description The document's digest in quotes; send it back as If-None-Match for a 304 */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/oscal.ar+json": components["schemas"]["OscalDocument"];
                    "application/oscal.ar+xml": string;
                    "application/oscal.ar+yaml": string;
                };
            };
            /** @description Not modified: the copy named by If-None-Match is current */
            304: {
                headers: {
                    /** @description The document's digest in quotes; send it back as If-None-Match for a 304 */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            /** @description The profile's framework is not in the server's catalog */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            422: components["responses"]["Unprocessable"];
            500: components["responses"]["InternalError"];
        };
    };
    getProfileOscalPoam: {
        parameters: {
            query?: {
                /** @description json (default), xml or yaml */
                format?: "json" | "xml" | "yaml";
            };
            header?: never;
            path: {
                /**
                 * @description Profile id (a whole number)
                 * @example 1
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The OSCAL plan of action and milestones */
            200: {
                headers: {
                    "Content-Disposition": components["headers"]["ContentDisposition"];
                    [name: string]: unknown;
                };
                content: {
                    "application/oscal.poam+json": components["schemas"]["OscalDocument"];
                    "application/oscal.poam+xml": string;
                    "application/oscal.poam+yaml": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            /** @description The profile's framework is not in the server's catalog */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            422: components["responses"]["Unprocessable"];
            500: components["responses"]["InternalError"];
        };
    };
    postOscalValidate: {
        parameters: {
            query?: never;
            header?: {
                /** @description Required with the session cookie: the csrf_token of POST or GET /api/v1/session; without it (or wrong) the answer is 403. Not needed, and ignored, with a bearer token. */
                "X-CSRF-Token"?: string;
            };
            path?: never;
            cookie?: never;
        };
        /** @description An OSCAL document of any model, at most the upload limit (8 MiB) */
        requestBody: {
            content: {
                "application/json": string;
                "application/xml": string;
                "text/xml": string;
                "application/yaml": string;
            };
        };
        responses: {
            /** @description The model, the format and the problems found */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OscalValidation"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            /** @description 415: the Content-Type is not JSON, XML or YAML */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 422: the body is not an OSCAL document (malformed JSON, XML or YAML, an unknown root, an element or property the model does not define, entity declarations, YAML aliases, an oscal-version of another major version); `line` and `column` say where when the text itself is malformed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        format?: string;
                        line?: number;
                        column?: number;
                    };
                };
            };
            500: components["responses"]["InternalError"];
            503: components["responses"]["Busy"];
        };
    };
    postOscalConvert: {
        parameters: {
            query: {
                /**
                 * @description json, xml or yaml: the format to answer in
                 * @example xml
                 */
                to: "json" | "xml" | "yaml";
            };
            header?: {
                /** @description Required with the session cookie: the csrf_token of POST or GET /api/v1/session; without it (or wrong) the answer is 403. Not needed, and ignored, with a bearer token. */
                "X-CSRF-Token"?: string;
            };
            path?: never;
            cookie?: never;
        };
        /** @description An OSCAL document of any model, at most the upload limit (8 MiB) */
        requestBody: {
            content: {
                "application/json": string;
                "application/xml": string;
                "text/xml": string;
                "application/yaml": string;
            };
        };
        responses: {
            /** @description The document in the format asked for, with its model's media type (application/oscal.MODEL+FORMAT for catalog, profile, component-definition, ssp, ap, ar and poam; application/oscal+FORMAT for the others, such as a mapping collection) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/oscal.catalog+json": components["schemas"]["OscalDocument"];
                    "application/oscal.catalog+xml": string;
                    "application/oscal.catalog+yaml": string;
                    "application/oscal.profile+json": components["schemas"]["OscalDocument"];
                    "application/oscal.profile+xml": string;
                    "application/oscal.profile+yaml": string;
                    "application/oscal.component-definition+json": components["schemas"]["OscalDocument"];
                    "application/oscal.component-definition+xml": string;
                    "application/oscal.component-definition+yaml": string;
                    "application/oscal.ssp+json": components["schemas"]["OscalDocument"];
                    "application/oscal.ssp+xml": string;
                    "application/oscal.ssp+yaml": string;
                    "application/oscal.ap+json": components["schemas"]["OscalDocument"];
                    "application/oscal.ap+xml": string;
                    "application/oscal.ap+yaml": string;
                    "application/oscal.ar+json": components["schemas"]["OscalDocument"];
                    "application/oscal.ar+xml": string;
                    "application/oscal.ar+yaml": string;
                    "application/oscal.poam+json": components["schemas"]["OscalDocument"];
                    "application/oscal.poam+xml": string;
                    "application/oscal.poam+yaml": string;
                    "application/oscal+json": components["schemas"]["OscalDocument"];
                    "application/oscal+xml": string;
                    "application/oscal+yaml": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            /** @description 415: the Content-Type is not JSON, XML or YAML */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description 422: the body is not an OSCAL document (malformed JSON, XML or YAML, an unknown root, an element or property the model does not define, entity declarations, YAML aliases, an oscal-version of another major version); `line` and `column` say where when the text itself is malformed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        format?: string;
                        line?: number;
                        column?: number;
                    };
                };
            };
            500: components["responses"]["InternalError"];
            503: components["responses"]["Busy"];
        };
    };
    getStoredFrameworks: {
        parameters: {
            query?: {
                /** @description A part of the id or the title (at most 200 bytes) */
                q?: string;
                /** @description Items per page, 0 to 500 */
                limit?: number;
                /** @description Items to skip */
                offset?: number;
            };
            header?: never;
            path: {
                /**
                 * @description Organization id (a whole number)
                 * @example 1
                 */
                org: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of stored frameworks */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StoredFrameworkPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    postStoredFramework: {
        parameters: {
            query?: never;
            header?: {
                /** @description Required with the session cookie: the csrf_token of the session; not needed with a bearer token. */
                "X-CSRF-Token"?: string;
            };
            path: {
                /**
                 * @description Organization id (a whole number)
                 * @example 1
                 */
                org: string;
            };
            cookie?: never;
        };
        /** @description The framework: JSON {document} or {yaml}, or the catalog file itself as application/yaml; at most the upload limit (8 MiB) */
        requestBody: {
            content: {
                "application/json": components["schemas"]["FrameworkDraft"];
                "application/yaml": string;
            };
        };
        responses: {
            /** @description The stored framework */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StoredFrameworkDetail"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            /** @description 409: the workspace stores a framework of that id already, or storing it would leave another stored framework unable to load */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            /** @description 422: the framework does not load (`errors` lists the catalog diagnostics, `ts_27110` its conformance) or the body is not a draft */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            500: components["responses"]["InternalError"];
            503: components["responses"]["Busy"];
        };
    };
    postStoredFrameworkImport: {
        parameters: {
            query?: {
                /** @description The framework id (default: the one the document records, else made from its title) */
                id?: string;
            };
            header?: {
                /** @description Required with the session cookie: the csrf_token of the session; not needed with a bearer token. */
                "X-CSRF-Token"?: string;
            };
            path: {
                /**
                 * @description Organization id (a whole number)
                 * @example 1
                 */
                org: string;
            };
            cookie?: never;
        };
        /** @description An OSCAL catalog (JSON, XML or YAML), at most 8 MiB */
        requestBody: {
            content: {
                "application/json": string;
                "application/xml": string;
                "text/xml": string;
                "application/yaml": string;
            };
        };
        responses: {
            /** @description The stored framework */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StoredFrameworkDetail"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            /** @description 409: the workspace stores a framework of that id already */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            /** @description 422: not an OSCAL catalog, or the framework made from it does not load */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            500: components["responses"]["InternalError"];
            503: components["responses"]["Busy"];
        };
    };
    postFrameworkCheck: {
        parameters: {
            query?: {
                /** @description The id of the stored framework the draft is a new version of */
                replacing?: string;
            };
            header?: {
                /** @description Required with the session cookie: the csrf_token of the session; not needed with a bearer token. */
                "X-CSRF-Token"?: string;
            };
            path?: never;
            cookie?: never;
        };
        /** @description The framework: JSON {document} or {yaml}, or the catalog file itself as application/yaml; at most the upload limit (8 MiB) */
        requestBody: {
            content: {
                "application/json": components["schemas"]["FrameworkDraft"];
                "application/yaml": string;
            };
        };
        responses: {
            /** @description What the check found */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FrameworkCheck"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Busy"];
        };
    };
    getStoredFramework: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The id of a framework the workspace stores
                 * @example acme-ot
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The stored framework */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StoredFrameworkDetail"];
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    getStoredFrameworkVersions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The id of a framework the workspace stores
                 * @example acme-ot
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The versions */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FrameworkVersionList"];
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    getStoredFrameworkVersion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The id of a framework the workspace stores
                 * @example acme-ot
                 */
                id: string;
                /**
                 * @description The version (a whole number)
                 * @example 1
                 */
                version: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The version */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FrameworkVersionDetail"];
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    getOrganizationsByOrgRiskCriteria: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Organization id (a whole number)
                 * @example 1
                 */
                org: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The criteria */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RiskCriteriaList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    postOrganizationsByOrgRiskCriteria: {
        parameters: {
            query?: never;
            header?: {
                /** @description Required with the session cookie: the csrf_token of POST or GET /api/v1/session; without it (or wrong) the answer is 403. Not needed, and ignored, with a bearer token. */
                "X-CSRF-Token"?: string;
            };
            path: {
                /**
                 * @description Organization id (a whole number)
                 * @example 1
                 */
                org: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RiskCriteriaRequest"];
            };
        };
        responses: {
            /** @description The stored criteria, version 1 */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RiskCriteria"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            500: components["responses"]["InternalError"];
        };
    };
    getOrganizationsByOrgRiskCriteriaByCriteria: {
        parameters: {
            query?: {
                /** @description A version of the set (default: the newest) */
                version?: number;
            };
            header?: never;
            path: {
                /**
                 * @description Organization id (a whole number)
                 * @example 1
                 */
                org: string;
                /**
                 * @description Criteria id
                 * @example cyberframe-5x5
                 */
                criteria: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The criteria */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RiskCriteria"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    putOrganizationsByOrgRiskCriteriaByCriteria: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description The ETag of the version you read, such as "3" (W/"3" is accepted too). Missing: 428; not of that form (including *): 400; not the stored version: 412 with `current`.
                 * @example "1"
                 */
                "If-Match": string;
                /** @description Required with the session cookie: the csrf_token of POST or GET /api/v1/session; without it (or wrong) the answer is 403. Not needed, and ignored, with a bearer token. */
                "X-CSRF-Token"?: string;
            };
            path: {
                /**
                 * @description Organization id (a whole number)
                 * @example 1
                 */
                org: string;
                /**
                 * @description Criteria id
                 * @example cyberframe-5x5
                 */
                criteria: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RiskCriteriaRequest"];
            };
        };
        responses: {
            /** @description The criteria, with the new version */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RiskCriteria"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            428: components["responses"]["PreconditionRequired"];
            500: components["responses"]["InternalError"];
        };
    };
    getOrganizationsByOrgAssets: {
        parameters: {
            query?: {
                /** @description Only assets with this text in their ref, name or description (ignoring case) */
                q?: string;
                /** @description Only assets of this kind */
                kind?: "information" | "process" | "service" | "hardware" | "software" | "network" | "people" | "site" | "supplier";
                /** @description Only assets of this owner (the whole name) */
                owner?: string;
                /** @description true: retired assets too */
                include_retired?: "true" | "false";
                /** @description Items per page, 0 to 1000 */
                limit?: number;
                /** @description Items to skip */
                offset?: number;
            };
            header?: never;
            path: {
                /**
                 * @description Organization id (a whole number)
                 * @example 1
                 */
                org: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of assets */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AssetPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    postOrganizationsByOrgAssets: {
        parameters: {
            query?: never;
            header?: {
                /** @description Required with the session cookie: the csrf_token of POST or GET /api/v1/session; without it (or wrong) the answer is 403. Not needed, and ignored, with a bearer token. */
                "X-CSRF-Token"?: string;
            };
            path: {
                /**
                 * @description Organization id (a whole number)
                 * @example 1
                 */
                org: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AssetCreate"];
            };
        };
        responses: {
            /** @description The asset */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Asset"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            500: components["responses"]["InternalError"];
        };
    };
    getOrganizationsByOrgAssetsExport: {
        parameters: {
            query: {
                /**
                 * @description csv or xlsx
                 * @example csv
                 */
                format: "csv" | "xlsx";
                /** @description true: retired assets too */
                include_closed?: "true" | "false";
            };
            header?: never;
            path: {
                /**
                 * @description Organization id (a whole number)
                 * @example 1
                 */
                org: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file */
            200: {
                headers: {
                    "Content-Disposition": components["headers"]["ContentDisposition"];
                    [name: string]: unknown;
                };
                content: {
                    "text/csv; charset=utf-8": string;
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    getOrganizationsByOrgAssetsByAsset: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Organization id (a whole number)
                 * @example 1
                 */
                org: string;
                /**
                 * @description Asset id, or its ref (without regard to case)
                 * @example 1
                 */
                asset: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The asset */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Asset"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    putOrganizationsByOrgAssetsByAsset: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description The ETag of the version you read, such as "3" (W/"3" is accepted too). Missing: 428; not of that form (including *): 400; not the stored version: 412 with `current`.
                 * @example "1"
                 */
                "If-Match": string;
                /** @description Required with the session cookie: the csrf_token of POST or GET /api/v1/session; without it (or wrong) the answer is 403. Not needed, and ignored, with a bearer token. */
                "X-CSRF-Token"?: string;
            };
            path: {
                /**
                 * @description Organization id (a whole number)
                 * @example 1
                 */
                org: string;
                /**
                 * @description Asset id, or its ref (without regard to case)
                 * @example 1
                 */
                asset: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AssetUpdate"];
            };
        };
        responses: {
            /** @description The asset, with its new version */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Asset"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            428: components["responses"]["PreconditionRequired"];
            500: components["responses"]["InternalError"];
        };
    };
    getOrganizationsByOrgControls: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Organization id (a whole number)
                 * @example 1
                 */
                org: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The own controls */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OwnControlList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    postOrganizationsByOrgControls: {
        parameters: {
            query?: never;
            header?: {
                /** @description Required with the session cookie: the csrf_token of POST or GET /api/v1/session; without it (or wrong) the answer is 403. Not needed, and ignored, with a bearer token. */
                "X-CSRF-Token"?: string;
            };
            path: {
                /**
                 * @description Organization id (a whole number)
                 * @example 1
                 */
                org: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OwnControlCreate"];
            };
        };
        responses: {
            /** @description The control */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OwnControl"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            500: components["responses"]["InternalError"];
        };
    };
    putOrganizationsByOrgControlsByControl: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description The ETag of the version you read, such as "3" (W/"3" is accepted too). Missing: 428; not of that form (including *): 400; not the stored version: 412 with `current`.
                 * @example "1"
                 */
                "If-Match": string;
                /** @description Required with the session cookie: the csrf_token of POST or GET /api/v1/session; without it (or wrong) the answer is 403. Not needed, and ignored, with a bearer token. */
                "X-CSRF-Token"?: string;
            };
            path: {
                /**
                 * @description Organization id (a whole number)
                 * @example 1
                 */
                org: string;
                /**
                 * @description The own control's ref (without regard to case)
                 * @example OC-01
                 */
                control: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OwnControlUpdate"];
            };
        };
        responses: {
            /** @description The control, with its new version */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OwnControl"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            428: components["responses"]["PreconditionRequired"];
            500: components["responses"]["InternalError"];
        };
    };
    getOrganizationsByOrgRisks: {
        parameters: {
            query?: {
                /** @description Only risks with this text in their ref, title, description, threat or vulnerability (ignoring case) */
                q?: string;
                /** @description Only risks of this owner (the whole name) */
                owner?: string;
                /** @description Only risks of this status */
                status?: "identified" | "assessed" | "treating" | "treated" | "accepted" | "closed";
                /** @description Only risks of this treatment option */
                treatment?: "none" | "modify" | "retain" | "avoid" | "share";
                /** @description Only risks on this asset (its id) */
                asset?: string;
                /** @description Only risks whose treatment uses this control (A.8.8, an own control's ref or FRAMEWORK:NODE) */
                control?: string;
                /** @description true: closed risks too */
                include_closed?: "true" | "false";
                /** @description Items per page, 0 to 1000 */
                limit?: number;
                /** @description Items to skip */
                offset?: number;
            };
            header?: never;
            path: {
                /**
                 * @description Organization id (a whole number)
                 * @example 1
                 */
                org: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of risks */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RiskPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    postOrganizationsByOrgRisks: {
        parameters: {
            query?: never;
            header?: {
                /** @description Required with the session cookie: the csrf_token of POST or GET /api/v1/session; without it (or wrong) the answer is 403. Not needed, and ignored, with a bearer token. */
                "X-CSRF-Token"?: string;
            };
            path: {
                /**
                 * @description Organization id (a whole number)
                 * @example 1
                 */
                org: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RiskCreate"];
            };
        };
        responses: {
            /** @description The risk */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Risk"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            500: components["responses"]["InternalError"];
        };
    };
    getOrganizationsByOrgRisksExport: {
        parameters: {
            query: {
                /**
                 * @description csv or xlsx
                 * @example csv
                 */
                format: "csv" | "xlsx";
                /** @description true: closed risks too */
                include_closed?: "true" | "false";
            };
            header?: never;
            path: {
                /**
                 * @description Organization id (a whole number)
                 * @example 1
                 */
                org: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file */
            200: {
                headers: {
                    "Content-Disposition": components["headers"]["ContentDisposition"];
                    [name: string]: unknown;
                };
                content: {
                    "text/csv; charset=utf-8": string;
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    getOrganizationsByOrgRisksByRisk: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Organization id (a whole number)
                 * @example 1
                 */
                org: string;
                /**
                 * @description Risk id, or its ref (without regard to case)
                 * @example R-001
                 */
                risk: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The risk */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Risk"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    putOrganizationsByOrgRisksByRisk: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description The ETag of the version you read, such as "3" (W/"3" is accepted too). Missing: 428; not of that form (including *): 400; not the stored version: 412 with `current`.
                 * @example "1"
                 */
                "If-Match": string;
                /** @description Required with the session cookie: the csrf_token of POST or GET /api/v1/session; without it (or wrong) the answer is 403. Not needed, and ignored, with a bearer token. */
                "X-CSRF-Token"?: string;
            };
            path: {
                /**
                 * @description Organization id (a whole number)
                 * @example 1
                 */
                org: string;
                /**
                 * @description Risk id, or its ref (without regard to case)
                 * @example R-001
                 */
                risk: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RiskUpdate"];
            };
        };
        responses: {
            /** @description The risk, with its new version */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Risk"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            428: components["responses"]["PreconditionRequired"];
            500: components["responses"]["InternalError"];
        };
    };
    postOrganizationsByOrgRisksByRiskRescore: {
        parameters: {
            query?: {
                /** @description true: store it */
                apply?: "true" | "false";
            };
            header?: {
                /**
                 * @description The ETag of the version you read, such as "3" (W/"3" is accepted too). Missing: 428; not of that form (including *): 400; not the stored version: 412 with `current`. Only with apply=true.
                 * @example "1"
                 */
                "If-Match"?: string;
                /** @description Required with the session cookie: the csrf_token of POST or GET /api/v1/session; without it (or wrong) the answer is 403. Not needed, and ignored, with a bearer token. */
                "X-CSRF-Token"?: string;
            };
            path: {
                /**
                 * @description Organization id (a whole number)
                 * @example 1
                 */
                org: string;
                /**
                 * @description Risk id, or its ref (without regard to case)
                 * @example R-001
                 */
                risk: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The levels before and after */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RiskRescore"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            412: components["responses"]["PreconditionFailed"];
            422: components["responses"]["Unprocessable"];
            428: components["responses"]["PreconditionRequired"];
            500: components["responses"]["InternalError"];
        };
    };
    postOrganizationsByOrgRisksByRiskDecisions: {
        parameters: {
            query?: never;
            header?: {
                /** @description Required with the session cookie: the csrf_token of POST or GET /api/v1/session; without it (or wrong) the answer is 403. Not needed, and ignored, with a bearer token. */
                "X-CSRF-Token"?: string;
            };
            path: {
                /**
                 * @description Organization id (a whole number)
                 * @example 1
                 */
                org: string;
                /**
                 * @description Risk id, or its ref (without regard to case)
                 * @example R-001
                 */
                risk: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DecisionRequest"];
            };
        };
        responses: {
            /** @description The decision */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Decision"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            500: components["responses"]["InternalError"];
        };
    };
    getOrganizationsByOrgRiskHeatmap: {
        parameters: {
            query?: {
                /**
                 * @description A criteria id
                 * @example cyberframe-5x5
                 */
                criteria?: string;
            };
            header?: never;
            path: {
                /**
                 * @description Organization id (a whole number)
                 * @example 1
                 */
                org: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The heat map */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RiskHeatMap"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    getOrganizationsByOrgRiskCheck: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Organization id (a whole number)
                 * @example 1
                 */
                org: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The findings */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RiskCheck"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    getOrganizationsByOrgDecisions: {
        parameters: {
            query?: {
                /** @description Only this risk's (its id or ref) */
                risk?: string;
            };
            header?: never;
            path: {
                /**
                 * @description Organization id (a whole number)
                 * @example 1
                 */
                org: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The decisions */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DecisionList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    postOrganizationsByOrgDecisionsByDecisionRevoke: {
        parameters: {
            query?: never;
            header?: {
                /** @description Required with the session cookie: the csrf_token of POST or GET /api/v1/session; without it (or wrong) the answer is 403. Not needed, and ignored, with a bearer token. */
                "X-CSRF-Token"?: string;
            };
            path: {
                /**
                 * @description Organization id (a whole number)
                 * @example 1
                 */
                org: string;
                /**
                 * @description Decision id (a whole number)
                 * @example 1
                 */
                decision: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The decision, revoked */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Decision"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            500: components["responses"]["InternalError"];
        };
    };
    postOrganizationsByOrgRegisterImport: {
        parameters: {
            query: {
                /**
                 * @description assets or risks
                 * @example assets
                 */
                kind: "assets" | "risks";
                /**
                 * @description csv or xlsx
                 * @example csv
                 */
                format: "csv" | "xlsx";
            };
            header?: {
                /** @description Required with the session cookie: the csrf_token of POST or GET /api/v1/session; without it (or wrong) the answer is 403. Not needed, and ignored, with a bearer token. */
                "X-CSRF-Token"?: string;
            };
            path: {
                /**
                 * @description Organization id (a whole number)
                 * @example 1
                 */
                org: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "text/csv": string;
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
            };
        };
        responses: {
            /** @description How many were stored */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegisterImportResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["Unprocessable"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Busy"];
        };
    };
    getOrganizationsByOrgSoa: {
        parameters: {
            query?: {
                /** @description A version's number (default: the newest) */
                version?: number;
            };
            header?: never;
            path: {
                /**
                 * @description Organization id (a whole number)
                 * @example 1
                 */
                org: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The SoA */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Soa"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    getOrganizationsByOrgSoaDiff: {
        parameters: {
            query: {
                /**
                 * @description A version's number
                 * @example 1
                 */
                from: number;
                /**
                 * @description A version's number
                 * @example 1
                 */
                to: number;
            };
            header?: never;
            path: {
                /**
                 * @description Organization id (a whole number)
                 * @example 1
                 */
                org: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The changes */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SoaDiff"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    getOrganizationsByOrgSoaExport: {
        parameters: {
            query: {
                /**
                 * @description html, csv or xlsx
                 * @example html
                 */
                format: "html" | "csv" | "xlsx";
                /** @description A version's number (default: the newest) */
                version?: number;
            };
            header?: never;
            path: {
                /**
                 * @description Organization id (a whole number)
                 * @example 1
                 */
                org: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file */
            200: {
                headers: {
                    "Content-Disposition": components["headers"]["ContentDisposition"];
                    [name: string]: unknown;
                };
                content: {
                    "text/html; charset=utf-8": string;
                    "text/csv; charset=utf-8": string;
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    putOrganizationsByOrgSoaRowsByControl: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description The ETag of the version you read, such as "3" (W/"3" is accepted too). Missing: 428; not of that form (including *): 400; not the stored version: 412 with `current`. "0" for a row never stored (its `version` is 0).
                 * @example "1"
                 */
                "If-Match": string;
                /** @description Required with the session cookie: the csrf_token of POST or GET /api/v1/session; without it (or wrong) the answer is 403. Not needed, and ignored, with a bearer token. */
                "X-CSRF-Token"?: string;
            };
            path: {
                /**
                 * @description Organization id (a whole number)
                 * @example 1
                 */
                org: string;
                /**
                 * @description An Annex A control (A.5.1) or an own control's ref
                 * @example A.5.1
                 */
                control: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SoaRowUpdate"];
            };
        };
        responses: {
            /** @description The row as the SoA shows it */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SoaLine"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            428: components["responses"]["PreconditionRequired"];
            500: components["responses"]["InternalError"];
        };
    };
    postOrganizationsByOrgSoaApprove: {
        parameters: {
            query?: never;
            header?: {
                /** @description Required with the session cookie: the csrf_token of POST or GET /api/v1/session; without it (or wrong) the answer is 403. Not needed, and ignored, with a bearer token. */
                "X-CSRF-Token"?: string;
            };
            path: {
                /**
                 * @description Organization id (a whole number)
                 * @example 1
                 */
                org: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SoaApproveRequest"];
            };
        };
        responses: {
            /** @description The approved version */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SoaVersion"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            500: components["responses"]["InternalError"];
        };
    };
    getOrganizationsByOrgRiskSummary: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Organization id (a whole number)
                 * @example 1
                 */
                org: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The figures */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RiskSummary"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    getOrganizationsByOrgRiskBaselines: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Organization id (a whole number)
                 * @example 1
                 */
                org: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The baselines */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RiskBaselineList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    postOrganizationsByOrgRiskBaselines: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Organization id (a whole number)
                 * @example 1
                 */
                org: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                };
            };
        };
        responses: {
            /** @description The baseline taken */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RiskBaseline"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            500: components["responses"]["InternalError"];
        };
    };
    getOrganizationsByOrgRiskBaselinesByBaselineCompare: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Organization id (a whole number)
                 * @example 1
                 */
                org: string;
                /**
                 * @description The baseline's name
                 * @example 2026-cycle
                 */
                baseline: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The comparison */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RiskBaselineComparison"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    getIsmsRegisters: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The descriptors */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IsmsRegisterList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            500: components["responses"]["InternalError"];
        };
    };
    getOrganizationsByOrgIsms: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Organization id (a whole number)
                 * @example 1
                 */
                org: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IsmsCounts"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    getOrganizationsByOrgIsmsRaci: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Organization id (a whole number)
                 * @example 1
                 */
                org: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The matrix */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IsmsRaci"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    getOrganizationsByOrgIsmsByRegister: {
        parameters: {
            query?: {
                /** @description A part of the ref, title or any field's text (without regard to case) */
                q?: string;
                /** @description One of the register's statuses */
                status?: string;
                /** @description The owner, exactly */
                owner?: string;
                /** @description Records with this link, KIND:TARGET (e.g. risk:R-001) */
                link?: string;
                /** @description true: the deleted records (admins) */
                deleted?: "true" | "false";
                /** @description Items to skip */
                offset?: string;
                /** @description Most items (default 50, at most 1000) */
                limit?: string;
            };
            header?: never;
            path: {
                /**
                 * @description Organization id (a whole number)
                 * @example 1
                 */
                org: string;
                /**
                 * @description The register's key (GET /api/v1/isms/registers): context, interested-parties, requirements, obligations, scope, policies, roles, objectives, changes, measurements, resources, competence, awareness, communication, processes, reassessments, audit-programmes, audits, findings, nonconformities, actions, improvements, incidents, feedback, reviews
                 * @example context
                 */
                register: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of records */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IsmsRecordPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    postOrganizationsByOrgIsmsByRegister: {
        parameters: {
            query?: never;
            header?: {
                /** @description Required with the session cookie: the csrf_token of POST or GET /api/v1/session; without it (or wrong) the answer is 403. Not needed, and ignored, with a bearer token. */
                "X-CSRF-Token"?: string;
            };
            path: {
                /**
                 * @description Organization id (a whole number)
                 * @example 1
                 */
                org: string;
                /**
                 * @description The register's key (GET /api/v1/isms/registers): context, interested-parties, requirements, obligations, scope, policies, roles, objectives, changes, measurements, resources, competence, awareness, communication, processes, reassessments, audit-programmes, audits, findings, nonconformities, actions, improvements, incidents, feedback, reviews
                 * @example context
                 */
                register: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["IsmsRecordWrite"];
            };
        };
        responses: {
            /** @description The record */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IsmsRecord"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            500: components["responses"]["InternalError"];
        };
    };
    getOrganizationsByOrgIsmsByRegisterExport: {
        parameters: {
            query?: {
                /**
                 * @description csv or xlsx
                 * @example csv
                 */
                format?: "csv" | "xlsx";
            };
            header?: never;
            path: {
                /**
                 * @description Organization id (a whole number)
                 * @example 1
                 */
                org: string;
                /**
                 * @description The register's key (GET /api/v1/isms/registers): context, interested-parties, requirements, obligations, scope, policies, roles, objectives, changes, measurements, resources, competence, awareness, communication, processes, reassessments, audit-programmes, audits, findings, nonconformities, actions, improvements, incidents, feedback, reviews
                 * @example context
                 */
                register: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file */
            200: {
                headers: {
                    "Content-Disposition": components["headers"]["ContentDisposition"];
                    [name: string]: unknown;
                };
                content: {
                    "text/csv; charset=utf-8": string;
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    postOrganizationsByOrgIsmsByRegisterImport: {
        parameters: {
            query: {
                /**
                 * @description csv or xlsx
                 * @example csv
                 */
                format: "csv" | "xlsx";
            };
            header?: {
                /** @description Required with the session cookie: the csrf_token of POST or GET /api/v1/session; without it (or wrong) the answer is 403. Not needed, and ignored, with a bearer token. */
                "X-CSRF-Token"?: string;
            };
            path: {
                /**
                 * @description Organization id (a whole number)
                 * @example 1
                 */
                org: string;
                /**
                 * @description The register's key (GET /api/v1/isms/registers): context, interested-parties, requirements, obligations, scope, policies, roles, objectives, changes, measurements, resources, competence, awareness, communication, processes, reassessments, audit-programmes, audits, findings, nonconformities, actions, improvements, incidents, feedback, reviews
                 * @example context
                 */
                register: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "text/csv": string;
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
            };
        };
        responses: {
            /** @description How many were written */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IsmsImportResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["Unprocessable"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Busy"];
        };
    };
    getOrganizationsByOrgIsmsByRegisterByRef: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Organization id (a whole number)
                 * @example 1
                 */
                org: string;
                /**
                 * @description The register's key (GET /api/v1/isms/registers): context, interested-parties, requirements, obligations, scope, policies, roles, objectives, changes, measurements, resources, competence, awareness, communication, processes, reassessments, audit-programmes, audits, findings, nonconformities, actions, improvements, incidents, feedback, reviews
                 * @example context
                 */
                register: string;
                /**
                 * @description The record's ref (without regard to case) or id
                 * @example CTX-001
                 */
                ref: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The record */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IsmsRecord"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    putOrganizationsByOrgIsmsByRegisterByRef: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description The ETag of the version you read, such as "3" (W/"3" is accepted too). Missing: 428; not of that form (including *): 400; not the stored version: 412 with `current`.
                 * @example "1"
                 */
                "If-Match": string;
                /** @description Required with the session cookie: the csrf_token of POST or GET /api/v1/session; without it (or wrong) the answer is 403. Not needed, and ignored, with a bearer token. */
                "X-CSRF-Token"?: string;
            };
            path: {
                /**
                 * @description Organization id (a whole number)
                 * @example 1
                 */
                org: string;
                /**
                 * @description The register's key (GET /api/v1/isms/registers): context, interested-parties, requirements, obligations, scope, policies, roles, objectives, changes, measurements, resources, competence, awareness, communication, processes, reassessments, audit-programmes, audits, findings, nonconformities, actions, improvements, incidents, feedback, reviews
                 * @example context
                 */
                register: string;
                /**
                 * @description The record's ref (without regard to case) or id
                 * @example CTX-001
                 */
                ref: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["IsmsRecordWrite"];
            };
        };
        responses: {
            /** @description The record */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IsmsRecord"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            428: components["responses"]["PreconditionRequired"];
            500: components["responses"]["InternalError"];
        };
    };
    deleteOrganizationsByOrgIsmsByRegisterByRef: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description The ETag of the version you read, such as "3" (W/"3" is accepted too). Missing: 428; not of that form (including *): 400; not the stored version: 412 with `current`.
                 * @example "1"
                 */
                "If-Match": string;
                /** @description Required with the session cookie: the csrf_token of POST or GET /api/v1/session; without it (or wrong) the answer is 403. Not needed, and ignored, with a bearer token. */
                "X-CSRF-Token"?: string;
            };
            path: {
                /**
                 * @description Organization id (a whole number)
                 * @example 1
                 */
                org: string;
                /**
                 * @description The register's key (GET /api/v1/isms/registers): context, interested-parties, requirements, obligations, scope, policies, roles, objectives, changes, measurements, resources, competence, awareness, communication, processes, reassessments, audit-programmes, audits, findings, nonconformities, actions, improvements, incidents, feedback, reviews
                 * @example context
                 */
                register: string;
                /**
                 * @description The record's ref (without regard to case) or id
                 * @example CTX-001
                 */
                ref: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The deleted record */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IsmsRecord"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            412: components["responses"]["PreconditionFailed"];
            428: components["responses"]["PreconditionRequired"];
            500: components["responses"]["InternalError"];
        };
    };
    postOrganizationsByOrgIsmsByRegisterByRefRestore: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The ETag of the version you read (optional): when given and not the stored version, 412 with `current`.
                 * @example "1"
                 */
                "If-Match"?: string;
                /** @description Required with the session cookie: the csrf_token of POST or GET /api/v1/session; without it (or wrong) the answer is 403. Not needed, and ignored, with a bearer token. */
                "X-CSRF-Token"?: string;
            };
            path: {
                /**
                 * @description Organization id (a whole number)
                 * @example 1
                 */
                org: string;
                /**
                 * @description The register's key (GET /api/v1/isms/registers): context, interested-parties, requirements, obligations, scope, policies, roles, objectives, changes, measurements, resources, competence, awareness, communication, processes, reassessments, audit-programmes, audits, findings, nonconformities, actions, improvements, incidents, feedback, reviews
                 * @example context
                 */
                register: string;
                /**
                 * @description The record's ref (without regard to case) or id
                 * @example CTX-001
                 */
                ref: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The restored record */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IsmsRecord"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            412: components["responses"]["PreconditionFailed"];
            422: components["responses"]["Unprocessable"];
            500: components["responses"]["InternalError"];
        };
    };
    postOrganizationsByOrgIsmsByRegisterByRefApprove: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The ETag of the version you read (optional): when given and not the stored version, 412 with `current`.
                 * @example "1"
                 */
                "If-Match"?: string;
                /** @description Required with the session cookie: the csrf_token of POST or GET /api/v1/session; without it (or wrong) the answer is 403. Not needed, and ignored, with a bearer token. */
                "X-CSRF-Token"?: string;
            };
            path: {
                /**
                 * @description Organization id (a whole number)
                 * @example 1
                 */
                org: string;
                /**
                 * @description The register's key (GET /api/v1/isms/registers): context, interested-parties, requirements, obligations, scope, policies, roles, objectives, changes, measurements, resources, competence, awareness, communication, processes, reassessments, audit-programmes, audits, findings, nonconformities, actions, improvements, incidents, feedback, reviews
                 * @example context
                 */
                register: string;
                /**
                 * @description The record's ref (without regard to case) or id
                 * @example CTX-001
                 */
                ref: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The approved record */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IsmsRecord"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            422: components["responses"]["Unprocessable"];
            500: components["responses"]["InternalError"];
        };
    };
    getOrganizationsByOrgIsmsByRegisterByRefComments: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Organization id (a whole number)
                 * @example 1
                 */
                org: string;
                /**
                 * @description The register's key (GET /api/v1/isms/registers): context, interested-parties, requirements, obligations, scope, policies, roles, objectives, changes, measurements, resources, competence, awareness, communication, processes, reassessments, audit-programmes, audits, findings, nonconformities, actions, improvements, incidents, feedback, reviews
                 * @example context
                 */
                register: string;
                /**
                 * @description The record's ref (without regard to case) or id
                 * @example CTX-001
                 */
                ref: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The comments */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IsmsCommentList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    postOrganizationsByOrgIsmsByRegisterByRefComments: {
        parameters: {
            query?: never;
            header?: {
                /** @description Required with the session cookie: the csrf_token of POST or GET /api/v1/session; without it (or wrong) the answer is 403. Not needed, and ignored, with a bearer token. */
                "X-CSRF-Token"?: string;
            };
            path: {
                /**
                 * @description Organization id (a whole number)
                 * @example 1
                 */
                org: string;
                /**
                 * @description The register's key (GET /api/v1/isms/registers): context, interested-parties, requirements, obligations, scope, policies, roles, objectives, changes, measurements, resources, competence, awareness, communication, processes, reassessments, audit-programmes, audits, findings, nonconformities, actions, improvements, incidents, feedback, reviews
                 * @example context
                 */
                register: string;
                /**
                 * @description The record's ref (without regard to case) or id
                 * @example CTX-001
                 */
                ref: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    text: string;
                };
            };
        };
        responses: {
            /** @description The comment */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IsmsComment"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            500: components["responses"]["InternalError"];
        };
    };
    getOrganizationsByOrgIsmsByRegisterByRefHistory: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Organization id (a whole number)
                 * @example 1
                 */
                org: string;
                /**
                 * @description The register's key (GET /api/v1/isms/registers): context, interested-parties, requirements, obligations, scope, policies, roles, objectives, changes, measurements, resources, competence, awareness, communication, processes, reassessments, audit-programmes, audits, findings, nonconformities, actions, improvements, incidents, feedback, reviews
                 * @example context
                 */
                register: string;
                /**
                 * @description The record's ref (without regard to case) or id
                 * @example CTX-001
                 */
                ref: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The versions */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IsmsHistory"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    getOrganizationsByOrgMeasurementsByMeasurementValues: {
        parameters: {
            query?: {
                /** @description From this date (YYYY-MM-DD) */
                from?: string;
                /** @description Up to this date (YYYY-MM-DD) */
                to?: string;
                /** @description Items per page, 0 to 1000 */
                limit?: number;
                /** @description Items to skip */
                offset?: number;
            };
            header?: never;
            path: {
                /**
                 * @description Organization id (a whole number)
                 * @example 1
                 */
                org: string;
                /**
                 * @description The measurement's ref in the organization's `measurements` register: MEAS- and 3 to 6 digits, any case (400 otherwise; 404 when the register has no such measurement)
                 * @example MEAS-001
                 */
                measurement: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of the values */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeasurementValuePage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    postOrganizationsByOrgMeasurementsByMeasurementValues: {
        parameters: {
            query?: never;
            header?: {
                /** @description Required with the session cookie: the csrf_token of POST or GET /api/v1/session; without it (or wrong) the answer is 403. Not needed, and ignored, with a bearer token. */
                "X-CSRF-Token"?: string;
            };
            path: {
                /**
                 * @description Organization id (a whole number)
                 * @example 1
                 */
                org: string;
                /**
                 * @description The measurement's ref in the organization's `measurements` register: MEAS- and 3 to 6 digits, any case (400 otherwise; 404 when the register has no such measurement)
                 * @example MEAS-001
                 */
                measurement: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MeasurementValueNew"];
            };
        };
        responses: {
            /** @description The value as stored (version 1) */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeasurementValue"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            500: components["responses"]["InternalError"];
        };
    };
    getOrganizationsByOrgMeasurementsByMeasurementValuesByDate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Organization id (a whole number)
                 * @example 1
                 */
                org: string;
                /**
                 * @description The measurement's ref in the organization's `measurements` register: MEAS- and 3 to 6 digits, any case (400 otherwise; 404 when the register has no such measurement)
                 * @example MEAS-001
                 */
                measurement: string;
                /**
                 * @description The end of the period measured, YYYY-MM-DD (400 otherwise)
                 * @example 2026-09-30
                 */
                date: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The value */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeasurementValue"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    putOrganizationsByOrgMeasurementsByMeasurementValuesByDate: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description The ETag of the version you read, such as "3" (W/"3" is accepted too). Missing: 428; not of that form (including *): 400; not the stored version: 412 with `current`.
                 * @example "1"
                 */
                "If-Match": string;
                /** @description Required with the session cookie: the csrf_token of POST or GET /api/v1/session; without it (or wrong) the answer is 403. Not needed, and ignored, with a bearer token. */
                "X-CSRF-Token"?: string;
            };
            path: {
                /**
                 * @description Organization id (a whole number)
                 * @example 1
                 */
                org: string;
                /**
                 * @description The measurement's ref in the organization's `measurements` register: MEAS- and 3 to 6 digits, any case (400 otherwise; 404 when the register has no such measurement)
                 * @example MEAS-001
                 */
                measurement: string;
                /**
                 * @description The end of the period measured, YYYY-MM-DD (400 otherwise)
                 * @example 2026-09-30
                 */
                date: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MeasurementValueUpdate"];
            };
        };
        responses: {
            /** @description The value with its new version */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeasurementValue"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            428: components["responses"]["PreconditionRequired"];
            500: components["responses"]["InternalError"];
        };
    };
    deleteOrganizationsByOrgMeasurementsByMeasurementValuesByDate: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description The ETag of the version you read, such as "3" (W/"3" is accepted too). Missing: 428; not of that form (including *): 400; not the stored version: 412 with `current`.
                 * @example "1"
                 */
                "If-Match": string;
                /** @description Required with the session cookie: the csrf_token of POST or GET /api/v1/session; without it (or wrong) the answer is 403. Not needed, and ignored, with a bearer token. */
                "X-CSRF-Token"?: string;
            };
            path: {
                /**
                 * @description Organization id (a whole number)
                 * @example 1
                 */
                org: string;
                /**
                 * @description The measurement's ref in the organization's `measurements` register: MEAS- and 3 to 6 digits, any case (400 otherwise; 404 when the register has no such measurement)
                 * @example MEAS-001
                 */
                measurement: string;
                /**
                 * @description The end of the period measured, YYYY-MM-DD (400 otherwise)
                 * @example 2026-09-30
                 */
                date: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            412: components["responses"]["PreconditionFailed"];
            428: components["responses"]["PreconditionRequired"];
            500: components["responses"]["InternalError"];
        };
    };
    getOrganizationsByOrgMeasurementsByMeasurementSeries: {
        parameters: {
            query?: {
                /** @description From this date (YYYY-MM-DD) */
                from?: string;
                /** @description Up to this date (YYYY-MM-DD) */
                to?: string;
            };
            header?: never;
            path: {
                /**
                 * @description Organization id (a whole number)
                 * @example 1
                 */
                org: string;
                /**
                 * @description The measurement's ref in the organization's `measurements` register: MEAS- and 3 to 6 digits, any case (400 otherwise; 404 when the register has no such measurement)
                 * @example MEAS-001
                 */
                measurement: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The series */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeasurementSeries"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    getOrganizationsByOrgMeasurementsByMeasurementChartSvg: {
        parameters: {
            query?: {
                /** @description From this date (YYYY-MM-DD) */
                from?: string;
                /** @description Up to this date (YYYY-MM-DD) */
                to?: string;
            };
            header?: never;
            path: {
                /**
                 * @description Organization id (a whole number)
                 * @example 1
                 */
                org: string;
                /**
                 * @description The measurement's ref in the organization's `measurements` register: MEAS- and 3 to 6 digits, any case (400 otherwise; 404 when the register has no such measurement)
                 * @example MEAS-001
                 */
                measurement: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The chart */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/svg+xml": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    postOrganizationsByOrgMeasurementValuesImport: {
        parameters: {
            query: {
                /**
                 * @description csv or xlsx
                 * @example csv
                 */
                format: "csv" | "xlsx";
            };
            header?: {
                /** @description Required with the session cookie: the csrf_token of POST or GET /api/v1/session; without it (or wrong) the answer is 403. Not needed, and ignored, with a bearer token. */
                "X-CSRF-Token"?: string;
            };
            path: {
                /**
                 * @description Organization id (a whole number)
                 * @example 1
                 */
                org: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "text/csv": string;
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
            };
        };
        responses: {
            /** @description How many were stored */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeasurementImportResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["Unprocessable"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Busy"];
        };
    };
    getOrganizationsByOrgMeasurementValuesExport: {
        parameters: {
            query?: {
                /** @description csv (default) or xlsx */
                format?: "csv" | "xlsx";
                /** @description Only this measurement's values (MEAS-001) */
                measurement?: string;
            };
            header?: never;
            path: {
                /**
                 * @description Organization id (a whole number)
                 * @example 1
                 */
                org: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file */
            200: {
                headers: {
                    "Content-Disposition": components["headers"]["ContentDisposition"];
                    [name: string]: unknown;
                };
                content: {
                    "text/csv; charset=utf-8": string;
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    getOrganizationsByOrgObjectivesProgress: {
        parameters: {
            query?: {
                /** @description Judge as on this date (YYYY-MM-DD; default today, UTC) */
                today?: string;
            };
            header?: never;
            path: {
                /**
                 * @description Organization id (a whole number)
                 * @example 1
                 */
                org: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The objectives */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ObjectivesProgress"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    getOrganizationsByOrgDocuments: {
        parameters: {
            query?: {
                /** @description A part of the ref, title or owner (without regard to case) */
                q?: string;
                /** @description Only documents of this type */
                type?: "policy" | "topic-specific-policy" | "procedure" | "standard" | "plan" | "record" | "report" | "other";
                /** @description Only documents in this state (the published version's, else the newest's, or retired) */
                state?: "draft" | "in-review" | "approved" | "published" | "superseded" | "retired";
                /** @description Only this owner's (exact) */
                owner?: string;
                /** @description true: only documents overdue for review */
                overdue?: "true" | "false";
                /** @description true: the deleted documents (admins) */
                deleted?: "true" | "false";
                /** @description Page size (1-1000, default 50) */
                limit?: string;
                /** @description How many to skip */
                offset?: string;
            };
            header?: never;
            path: {
                /**
                 * @description Organization id (a whole number)
                 * @example 1
                 */
                org: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of documents */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DocumentPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    postOrganizationsByOrgDocuments: {
        parameters: {
            query?: never;
            header?: {
                /** @description Required with the session cookie: the csrf_token of POST or GET /api/v1/session; without it (or wrong) the answer is 403. Not needed, and ignored, with a bearer token. */
                "X-CSRF-Token"?: string;
            };
            path: {
                /**
                 * @description Organization id (a whole number)
                 * @example 1
                 */
                org: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DocumentCreate"];
            };
        };
        responses: {
            /** @description The document */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Document"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            500: components["responses"]["InternalError"];
        };
    };
    getOrganizationsByOrgDocumentsExport: {
        parameters: {
            query: {
                /**
                 * @description csv or xlsx
                 * @example csv
                 */
                format: "csv" | "xlsx";
            };
            header?: never;
            path: {
                /**
                 * @description Organization id (a whole number)
                 * @example 1
                 */
                org: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file */
            200: {
                headers: {
                    "Content-Disposition": components["headers"]["ContentDisposition"];
                    [name: string]: unknown;
                };
                content: {
                    "text/csv; charset=utf-8": string;
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    postOrganizationsByOrgDocumentsImport: {
        parameters: {
            query: {
                /**
                 * @description csv or xlsx
                 * @example csv
                 */
                format: "csv" | "xlsx";
            };
            header?: {
                /** @description Required with the session cookie: the csrf_token of POST or GET /api/v1/session; without it (or wrong) the answer is 403. Not needed, and ignored, with a bearer token. */
                "X-CSRF-Token"?: string;
            };
            path: {
                /**
                 * @description Organization id (a whole number)
                 * @example 1
                 */
                org: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "text/csv": string;
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
            };
        };
        responses: {
            /** @description How many were added and changed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DocumentImportResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["Unprocessable"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Busy"];
        };
    };
    getOrganizationsByOrgDocumentsByRef: {
        parameters: {
            query?: {
                /** @description true: even when deleted (admins) */
                deleted?: "true" | "false";
            };
            header?: never;
            path: {
                /**
                 * @description Organization id (a whole number)
                 * @example 1
                 */
                org: string;
                /**
                 * @description The document's ref (without regard to case)
                 * @example DOC-001
                 */
                ref: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The document */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Document"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    putOrganizationsByOrgDocumentsByRef: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description The ETag of the document's version you read, such as "3" (W/"3" is accepted too). Missing: 428; not of that form (including *): 400; not the stored version: 412 with `current`.
                 * @example "1"
                 */
                "If-Match": string;
                /** @description Required with the session cookie: the csrf_token of POST or GET /api/v1/session; without it (or wrong) the answer is 403. Not needed, and ignored, with a bearer token. */
                "X-CSRF-Token"?: string;
            };
            path: {
                /**
                 * @description Organization id (a whole number)
                 * @example 1
                 */
                org: string;
                /**
                 * @description The document's ref (without regard to case)
                 * @example DOC-001
                 */
                ref: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DocumentUpdate"];
            };
        };
        responses: {
            /** @description The document, with its new version */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Document"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            428: components["responses"]["PreconditionRequired"];
            500: components["responses"]["InternalError"];
        };
    };
    deleteOrganizationsByOrgDocumentsByRef: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description The ETag of the document's version you read, such as "3" (W/"3" is accepted too). Missing: 428; not of that form (including *): 400; not the stored version: 412 with `current`.
                 * @example "1"
                 */
                "If-Match": string;
                /** @description Required with the session cookie: the csrf_token of POST or GET /api/v1/session; without it (or wrong) the answer is 403. Not needed, and ignored, with a bearer token. */
                "X-CSRF-Token"?: string;
            };
            path: {
                /**
                 * @description Organization id (a whole number)
                 * @example 1
                 */
                org: string;
                /**
                 * @description The document's ref (without regard to case)
                 * @example DOC-001
                 */
                ref: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The deleted document */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Document"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            412: components["responses"]["PreconditionFailed"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            428: components["responses"]["PreconditionRequired"];
            500: components["responses"]["InternalError"];
        };
    };
    postOrganizationsByOrgDocumentsByRefRestore: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description The ETag of the document's version you read, such as "3" (W/"3" is accepted too). Missing: 428; not of that form (including *): 400; not the stored version: 412 with `current`.
                 * @example "1"
                 */
                "If-Match": string;
                /** @description Required with the session cookie: the csrf_token of POST or GET /api/v1/session; without it (or wrong) the answer is 403. Not needed, and ignored, with a bearer token. */
                "X-CSRF-Token"?: string;
            };
            path: {
                /**
                 * @description Organization id (a whole number)
                 * @example 1
                 */
                org: string;
                /**
                 * @description The document's ref (without regard to case)
                 * @example DOC-001
                 */
                ref: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The document after the step */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Document"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            428: components["responses"]["PreconditionRequired"];
            500: components["responses"]["InternalError"];
        };
    };
    getOrganizationsByOrgDocumentsByRefVersions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Organization id (a whole number)
                 * @example 1
                 */
                org: string;
                /**
                 * @description The document's ref (without regard to case)
                 * @example DOC-001
                 */
                ref: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The versions */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DocumentVersionList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    getOrganizationsByOrgDocumentsByRefVersionsByNumberFile: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Organization id (a whole number)
                 * @example 1
                 */
                org: string;
                /**
                 * @description The document's ref (without regard to case)
                 * @example DOC-001
                 */
                ref: string;
                /**
                 * @description The version's number (1, 2, ...)
                 * @example 1
                 */
                number: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file */
            200: {
                headers: {
                    "Content-Disposition": components["headers"]["ContentDisposition"];
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                    "text/plain; charset=utf-8": string;
                    "text/markdown; charset=utf-8": string;
                    "text/csv; charset=utf-8": string;
                    "application/msword": string;
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": string;
                    "application/vnd.ms-excel": string;
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                    "application/vnd.ms-powerpoint": string;
                    "application/vnd.openxmlformats-officedocument.presentationml.presentation": string;
                    "application/vnd.oasis.opendocument.text": string;
                    "application/vnd.oasis.opendocument.spreadsheet": string;
                    "image/png": string;
                    "image/jpeg": string;
                    "application/zip": string;
                    "application/octet-stream": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    putOrganizationsByOrgDocumentsByRefVersionsByNumberFile: {
        parameters: {
            query: {
                /**
                 * @description The file's name (1-255 bytes of one line, no / or \)
                 * @example policy.pdf
                 */
                name: string;
            };
            header: {
                /**
                 * @description The ETag of the document's version you read, such as "3" (W/"3" is accepted too). Missing: 428; not of that form (including *): 400; not the stored version: 412 with `current`.
                 * @example "1"
                 */
                "If-Match": string;
                /** @description Required with the session cookie: the csrf_token of POST or GET /api/v1/session; without it (or wrong) the answer is 403. Not needed, and ignored, with a bearer token. */
                "X-CSRF-Token"?: string;
            };
            path: {
                /**
                 * @description Organization id (a whole number)
                 * @example 1
                 */
                org: string;
                /**
                 * @description The document's ref (without regard to case)
                 * @example DOC-001
                 */
                ref: string;
                /**
                 * @description The version's number (1, 2, ...)
                 * @example 1
                 */
                number: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/octet-stream": string;
            };
        };
        responses: {
            /** @description The document with the file attached */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Document"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            428: components["responses"]["PreconditionRequired"];
            500: components["responses"]["InternalError"];
        };
    };
    postOrganizationsByOrgDocumentsByRefSubmit: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description The ETag of the document's version you read, such as "3" (W/"3" is accepted too). Missing: 428; not of that form (including *): 400; not the stored version: 412 with `current`.
                 * @example "1"
                 */
                "If-Match": string;
                /** @description Required with the session cookie: the csrf_token of POST or GET /api/v1/session; without it (or wrong) the answer is 403. Not needed, and ignored, with a bearer token. */
                "X-CSRF-Token"?: string;
            };
            path: {
                /**
                 * @description Organization id (a whole number)
                 * @example 1
                 */
                org: string;
                /**
                 * @description The document's ref (without regard to case)
                 * @example DOC-001
                 */
                ref: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["DocumentSubmit"];
            };
        };
        responses: {
            /** @description The document after the step */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Document"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            428: components["responses"]["PreconditionRequired"];
            500: components["responses"]["InternalError"];
        };
    };
    postOrganizationsByOrgDocumentsByRefApprove: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description The ETag of the document's version you read, such as "3" (W/"3" is accepted too). Missing: 428; not of that form (including *): 400; not the stored version: 412 with `current`.
                 * @example "1"
                 */
                "If-Match": string;
                /** @description Required with the session cookie: the csrf_token of POST or GET /api/v1/session; without it (or wrong) the answer is 403. Not needed, and ignored, with a bearer token. */
                "X-CSRF-Token"?: string;
            };
            path: {
                /**
                 * @description Organization id (a whole number)
                 * @example 1
                 */
                org: string;
                /**
                 * @description The document's ref (without regard to case)
                 * @example DOC-001
                 */
                ref: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["DocumentApprove"];
            };
        };
        responses: {
            /** @description The document after the step */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Document"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            428: components["responses"]["PreconditionRequired"];
            500: components["responses"]["InternalError"];
        };
    };
    postOrganizationsByOrgDocumentsByRefPublish: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description The ETag of the document's version you read, such as "3" (W/"3" is accepted too). Missing: 428; not of that form (including *): 400; not the stored version: 412 with `current`.
                 * @example "1"
                 */
                "If-Match": string;
                /** @description Required with the session cookie: the csrf_token of POST or GET /api/v1/session; without it (or wrong) the answer is 403. Not needed, and ignored, with a bearer token. */
                "X-CSRF-Token"?: string;
            };
            path: {
                /**
                 * @description Organization id (a whole number)
                 * @example 1
                 */
                org: string;
                /**
                 * @description The document's ref (without regard to case)
                 * @example DOC-001
                 */
                ref: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["DocumentPublish"];
            };
        };
        responses: {
            /** @description The document after the step */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Document"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            428: components["responses"]["PreconditionRequired"];
            500: components["responses"]["InternalError"];
        };
    };
    postOrganizationsByOrgDocumentsByRefRevise: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description The ETag of the document's version you read, such as "3" (W/"3" is accepted too). Missing: 428; not of that form (including *): 400; not the stored version: 412 with `current`.
                 * @example "1"
                 */
                "If-Match": string;
                /** @description Required with the session cookie: the csrf_token of POST or GET /api/v1/session; without it (or wrong) the answer is 403. Not needed, and ignored, with a bearer token. */
                "X-CSRF-Token"?: string;
            };
            path: {
                /**
                 * @description Organization id (a whole number)
                 * @example 1
                 */
                org: string;
                /**
                 * @description The document's ref (without regard to case)
                 * @example DOC-001
                 */
                ref: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["DocumentRevise"];
            };
        };
        responses: {
            /** @description The document after the step */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Document"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            428: components["responses"]["PreconditionRequired"];
            500: components["responses"]["InternalError"];
        };
    };
    postOrganizationsByOrgDocumentsByRefRetire: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description The ETag of the document's version you read, such as "3" (W/"3" is accepted too). Missing: 428; not of that form (including *): 400; not the stored version: 412 with `current`.
                 * @example "1"
                 */
                "If-Match": string;
                /** @description Required with the session cookie: the csrf_token of POST or GET /api/v1/session; without it (or wrong) the answer is 403. Not needed, and ignored, with a bearer token. */
                "X-CSRF-Token"?: string;
            };
            path: {
                /**
                 * @description Organization id (a whole number)
                 * @example 1
                 */
                org: string;
                /**
                 * @description The document's ref (without regard to case)
                 * @example DOC-001
                 */
                ref: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The document after the step */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Document"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            428: components["responses"]["PreconditionRequired"];
            500: components["responses"]["InternalError"];
        };
    };
    postOrganizationsByOrgDocumentsByRefAcknowledge: {
        parameters: {
            query?: never;
            header?: {
                /** @description Required with the session cookie: the csrf_token of POST or GET /api/v1/session; without it (or wrong) the answer is 403. Not needed, and ignored, with a bearer token. */
                "X-CSRF-Token"?: string;
            };
            path: {
                /**
                 * @description Organization id (a whole number)
                 * @example 1
                 */
                org: string;
                /**
                 * @description The document's ref (without regard to case)
                 * @example DOC-001
                 */
                ref: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The acknowledgement */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DocumentAck"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["Unprocessable"];
            500: components["responses"]["InternalError"];
        };
    };
    getOrganizationsByOrgDocumentsByRefAcks: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Organization id (a whole number)
                 * @example 1
                 */
                org: string;
                /**
                 * @description The document's ref (without regard to case)
                 * @example DOC-001
                 */
                ref: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The acknowledgements */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DocumentAcks"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    getOrganizationsByOrgSettings: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Organization id (a whole number)
                 * @example 1
                 */
                org: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The settings */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrganizationSettings"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    putOrganizationsByOrgSettings: {
        parameters: {
            query?: never;
            header?: {
                /** @description Required with the session cookie: the csrf_token of POST or GET /api/v1/session; without it (or wrong) the answer is 403. Not needed, and ignored, with a bearer token. */
                "X-CSRF-Token"?: string;
            };
            path: {
                /**
                 * @description Organization id (a whole number)
                 * @example 1
                 */
                org: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OrganizationSettings"];
            };
        };
        responses: {
            /** @description The settings */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrganizationSettings"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            500: components["responses"]["InternalError"];
        };
    };
    getOrganizationsByOrgIsmsDue: {
        parameters: {
            query?: {
                /**
                 * @description Count as of this date (YYYY-MM-DD; default today in UTC)
                 * @example 2026-12-07
                 */
                today?: string;
            };
            header?: never;
            path: {
                /**
                 * @description Organization id (a whole number)
                 * @example 1
                 */
                org: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description What is due */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IsmsDue"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    getOrganizationsByOrgIsmsReadiness: {
        parameters: {
            query?: {
                /**
                 * @description json (default), csv or html
                 * @example json
                 */
                format?: "json" | "csv" | "html";
                /**
                 * @description Assess as of this date (YYYY-MM-DD; default today in UTC)
                 * @example 2026-12-07
                 */
                today?: string;
            };
            header?: never;
            path: {
                /**
                 * @description Organization id (a whole number)
                 * @example 1
                 */
                org: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The readiness, or its export */
            200: {
                headers: {
                    "Content-Disposition": components["headers"]["ContentDisposition"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IsmsReadiness"];
                    "text/csv; charset=utf-8": string;
                    "text/html; charset=utf-8": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    getMeWork: {
        parameters: {
            query?: {
                /**
                 * @description Count as of this date (YYYY-MM-DD; default today in UTC)
                 * @example 2026-12-07
                 */
                today?: string;
                /**
                 * @description Only this organization (its id); 404 for one you have no role in
                 * @example 1
                 */
                organization?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description My work */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MyWork"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    getUsersByNamePerson: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Account name (without regard to case): your own, or any for an administrator
                 * @example root
                 */
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The person */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Person"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    putUsersByNamePerson: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag of the version read */
                "If-Match"?: string;
                /** @description Required with the session cookie: the csrf_token of POST or GET /api/v1/session; without it (or wrong) the answer is 403. Not needed, and ignored, with a bearer token. */
                "X-CSRF-Token"?: string;
            };
            path: {
                /**
                 * @description Account name (without regard to case): your own, or any for an administrator
                 * @example root
                 */
                name: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    email: string;
                    aliases: string[];
                };
            };
        };
        responses: {
            /** @description Saved */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Person"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            500: components["responses"]["InternalError"];
        };
    };
    postUsersByNameCalendarToken: {
        parameters: {
            query?: never;
            header?: {
                /** @description Required with the session cookie: the csrf_token of POST or GET /api/v1/session; without it (or wrong) the answer is 403. Not needed, and ignored, with a bearer token. */
                "X-CSRF-Token"?: string;
            };
            path: {
                /**
                 * @description Account name (without regard to case): your own, or any for an administrator
                 * @example root
                 */
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The secret and the feed's path, shown once */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        person: string;
                        token: string;
                        path: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    deleteUsersByNameCalendarToken: {
        parameters: {
            query?: never;
            header?: {
                /** @description Required with the session cookie: the csrf_token of POST or GET /api/v1/session; without it (or wrong) the answer is 403. Not needed, and ignored, with a bearer token. */
                "X-CSRF-Token"?: string;
            };
            path: {
                /**
                 * @description Account name (without regard to case): your own, or any for an administrator
                 * @example root
                 */
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Stopped */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    getCalendarByFile: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description SECRET.ics
                 * @example cal_x.ics
                 */
                file: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The calendar */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/calendar": string;
                };
            };
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    postOrganizationsByOrgIsmsAuditsByRefChecklist: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The ETag of the version you read (optional): when given and not the stored version, 412 with `current`.
                 * @example "1"
                 */
                "If-Match"?: string;
                /** @description Required with the session cookie: the csrf_token of POST or GET /api/v1/session; without it (or wrong) the answer is 403. Not needed, and ignored, with a bearer token. */
                "X-CSRF-Token"?: string;
            };
            path: {
                /**
                 * @description Organization id (a whole number)
                 * @example 1
                 */
                org: string;
                /**
                 * @description The audit's ref (without regard to case) or id
                 * @example AUD-001
                 */
                ref: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "framework": "iso-iec-27001-2022-annex-a",
                 *       "under": "A.5"
                 *     }
                 */
                "application/json": {
                    /** @description A framework of the catalog (iso-iec-27001-2022-isms, iso-iec-27001-2022-annex-a, ...) */
                    framework: string;
                    /** @description Only the requirements under this node (e.g. A.5 or 9) */
                    under?: string;
                };
            };
        };
        responses: {
            /** @description The audit with its checklist */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IsmsRecord"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            412: components["responses"]["PreconditionFailed"];
            422: components["responses"]["Unprocessable"];
            500: components["responses"]["InternalError"];
        };
    };
    getOrganizationsByOrgIsmsAuditsByRefReport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Organization id (a whole number)
                 * @example 1
                 */
                org: string;
                /**
                 * @description The audit's ref (without regard to case) or id
                 * @example AUD-001
                 */
                ref: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The report */
            200: {
                headers: {
                    "Content-Disposition": components["headers"]["ContentDisposition"];
                    [name: string]: unknown;
                };
                content: {
                    "text/html; charset=utf-8": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    getOrganizationsByOrgReviewsPrepare: {
        parameters: {
            query?: {
                /**
                 * @description The review (MR-NNN); default the next one not held
                 * @example MR-002
                 */
                review?: string;
                /**
                 * @description The day the inputs are prepared on (YYYY-MM-DD; default today in UTC): what is overdue is counted on it
                 * @example 2026-12-07
                 */
                today?: string;
            };
            header?: never;
            path: {
                /**
                 * @description Organization id (a whole number)
                 * @example 1
                 */
                org: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The inputs */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReviewInputs"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    getOrganizationsByOrgReviewsByRefInputs: {
        parameters: {
            query?: {
                /**
                 * @description The day the inputs are prepared on (YYYY-MM-DD; default today in UTC): what is overdue is counted on it
                 * @example 2026-12-07
                 */
                today?: string;
            };
            header?: never;
            path: {
                /**
                 * @description Organization id (a whole number)
                 * @example 1
                 */
                org: string;
                /**
                 * @description The review's ref (MR-NNN, without regard to case) or id
                 * @example MR-001
                 */
                ref: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The inputs */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReviewInputs"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    postOrganizationsByOrgReviewsByRefHold: {
        parameters: {
            query?: {
                /**
                 * @description The day the inputs are prepared on (YYYY-MM-DD; default today in UTC): what is overdue is counted on it
                 * @example 2026-12-07
                 */
                today?: string;
            };
            header?: {
                /** @description Required with the session cookie: the csrf_token of POST or GET /api/v1/session; without it (or wrong) the answer is 403. Not needed, and ignored, with a bearer token. */
                "X-CSRF-Token"?: string;
            };
            path: {
                /**
                 * @description Organization id (a whole number)
                 * @example 1
                 */
                org: string;
                /**
                 * @description The review's ref (MR-NNN, without regard to case) or id
                 * @example MR-001
                 */
                ref: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The review as held and its frozen inputs */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        review: components["schemas"]["IsmsRecord"];
                        inputs: components["schemas"]["ReviewInputs"];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            /** @description The review is already held: its inputs are frozen */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            422: components["responses"]["Unprocessable"];
            500: components["responses"]["InternalError"];
        };
    };
    getOrganizationsByOrgReviewsByRefActions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Organization id (a whole number)
                 * @example 1
                 */
                org: string;
                /**
                 * @description The review's ref (MR-NNN, without regard to case) or id
                 * @example MR-001
                 */
                ref: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The actions */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["IsmsRecord"][];
                        total: number;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    postOrganizationsByOrgReviewsByRefActions: {
        parameters: {
            query?: never;
            header?: {
                /** @description Required with the session cookie: the csrf_token of POST or GET /api/v1/session; without it (or wrong) the answer is 403. Not needed, and ignored, with a bearer token. */
                "X-CSRF-Token"?: string;
            };
            path: {
                /**
                 * @description Organization id (a whole number)
                 * @example 1
                 */
                org: string;
                /**
                 * @description The review's ref (MR-NNN, without regard to case) or id
                 * @example MR-001
                 */
                ref: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    title: string;
                    owner?: string;
                    /** @description YYYY-MM-DD */
                    due: string;
                    description?: string;
                };
            };
        };
        responses: {
            /** @description The action */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IsmsRecord"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            500: components["responses"]["InternalError"];
        };
    };
    getOrganizationsByOrgReviewsByRefMinutes: {
        parameters: {
            query?: {
                /**
                 * @description html or xlsx
                 * @example html
                 */
                format?: "html" | "xlsx";
            };
            header?: never;
            path: {
                /**
                 * @description Organization id (a whole number)
                 * @example 1
                 */
                org: string;
                /**
                 * @description The review's ref (MR-NNN, without regard to case) or id
                 * @example MR-001
                 */
                ref: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The minutes */
            200: {
                headers: {
                    "Content-Disposition": components["headers"]["ContentDisposition"];
                    [name: string]: unknown;
                };
                content: {
                    "text/html; charset=utf-8": string;
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
}
