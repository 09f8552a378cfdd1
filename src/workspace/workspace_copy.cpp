#include "workspace/workspace_copy.hpp"

#include "store/store.hpp"

namespace cyberframe::workspace {

Result<CopyReport> copy(const Location& from, const Location& to) {
  auto r = store::copy_workspace(from.location, to.location,
                                 store::AuditFiles{from.audit_key, from.audit_anchor},
                                 store::AuditFiles{to.audit_key, to.audit_anchor});
  if (!r) return std::unexpected(r.error());
  return CopyReport{r->from,     r->to,         r->rows,      r->tables,      r->audit_rows,
                    r->verified, r->key_copied, r->audit_key, r->audit_anchor};
}

}  // namespace cyberframe::workspace
