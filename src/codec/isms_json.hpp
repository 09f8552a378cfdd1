#pragma once
// The one JSON form of the ISMS registers (core/isms.hpp), for the API, the CLI's --format
// json|yaml, the audit trail and the record's saved versions.
//
// A record: id, register, ref, title, status, owner, fields (each field by its kind: text, dates
// and enums as strings, numbers and integers as JSON numbers, lists as arrays of strings; unset
// fields left out), links [{kind, target}], revision, approved_revision, approved (whether the
// revision as it stands is approved), approved_by, approved_at, deleted, deleted_by, deleted_at,
// version, created_at, created_by, updated_at, updated_by; an awareness programme also has
// completion (percent, or null without a target).
// A register's descriptor: key, clause, title, prefix, description, approvable, statuses, fields
// [{key, label, type, required, values, register, help}].
//
// Threading: no shared state.

#include <nlohmann/json_fwd.hpp>

#include "core/isms.hpp"
#include "core/isms_due.hpp"
#include "util/result.hpp"

namespace cyberframe::codec {

using nlohmann::json;

json to_json(const core::RegisterSpec& spec);
json to_json(const core::IsmsRecord& record);
// The fields alone, by kind (as in to_json(IsmsRecord)); the store keeps them so.
json fields_to_json(const core::RegisterSpec& spec, const core::IsmsRecord& record);
// Reads the fields as fields_to_json wrote them (a field the register no longer has is kept as
// text, for validate() to name).
void fields_from_json(const json& fields, core::IsmsRecord& into);
json to_json(const core::IsmsLink& link);
// A comment: {id, author, at, text}.
json to_json(const core::IsmsComment& comment);
// A saved version: {version, revision, status, saved_at, saved_by, record (the record's JSON as
// saved)}.
json to_json(const core::IsmsVersion& version);
// The RACI (isms raci, GET /organizations/{org}/isms-raci): {roles: [{ref, title}], processes:
// [{process, roles: {ROLE-REF: letters}}] (every process, only the roles with letters),
// warnings}.
json raci_to_json(const core::RaciMatrix& matrix);
// What is due (workspace::isms_due): {today, total, items: [{kind, register, ref, title, owner,
// due (null when no date has passed), days_overdue, reason}]}.
json due_to_json(const std::vector<core::DueItem>& items, const std::string& today);

// Applies a request body to `record`: title, ref, status, owner (strings), fields (an object:
// each member a string, number, array of strings (lists) or null (clears it), checked by
// core::set_field), links (an array of {kind, target} or "kind:target" strings; replaces the
// list). `partial`: the members given replace the stored ones (fields merge member by member);
// else the body is the whole record. Unknown members and wrong types are k_invalid_input naming
// the member. The register's own rules are core::validate's.
util::Result<void> apply_json(const core::RegisterSpec& spec, const json& body,
                              core::IsmsRecord& record, bool partial);

}  // namespace cyberframe::codec
