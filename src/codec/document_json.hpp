#pragma once
// The one JSON form of documented information (core/document.hpp), for the API, the CLI's
// --format json|yaml and the audit trail. Fields are snake_case; enums are the strings of
// core::to_string (type "topic-specific-policy", classification "internal", state "in-review");
// a timestamp or date not set is "". A version carries its file's name, media type, size and
// SHA-256, never its bytes.
//
// Threading: no shared state.

#include <nlohmann/json_fwd.hpp>

#include "core/document.hpp"

namespace cyberframe::codec {

using nlohmann::json;

// number, state, file {name, media_type, size, sha256} (null without a file), author,
// created_at, change_note, submitted_by, submitted_at, reviewer, approver, approved_at,
// published_by, published_at, ended_at.
json to_json(const core::DocumentVersion& version);
// ref, title, type, owner, classification, review_months, next_review, retention,
// distribution, links [{kind, target}], state (core::state_of), published_version (number or
// null), newest_version {number, state} (null without versions), retired, deleted, version,
// created_at, created_by, updated_at, updated_by, and versions (every one, oldest first) unless
// `with_versions` is false.
json to_json(const core::Document& document, bool with_versions = true);
// {person, version, acknowledged_at}.
json to_json(const core::DocumentAck& ack);

}  // namespace cyberframe::codec
