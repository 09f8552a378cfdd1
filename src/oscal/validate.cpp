#include "oscal/document.hpp"

namespace cyberframe::oscal {

std::vector<Problem> validate(const Document&) {
  return {};
}

}  // namespace cyberframe::oscal
