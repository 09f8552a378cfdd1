#pragma once
// Errors as values: every fallible operation returns Result<T> = std::expected<T, Error>.
// An Error carries a code (mapped to exit codes and, later, HTTP statuses in one table) and a
// message a person can act on. Exceptions are kept for fatal start-up problems only.

#include <expected>
#include <string>
#include <utility>

namespace cyberframe::util {

enum class ErrorCode {
  k_invalid_input,  // the caller's input is malformed or violates a rule
  k_not_found,      // a named thing does not exist
  k_conflict,       // the state changed underneath the caller
  k_io,             // the file system or another resource failed
  k_internal,       // a bug: should never reach a user
};

struct Error {
  ErrorCode code = ErrorCode::k_internal;
  std::string message;
  // The input the error is about, when it is one field ("password"): the API names it in the
  // problem's `errors`, so that a form shows the message at that field.
  std::string field = {};
};

template <typename T>
using Result = std::expected<T, Error>;

inline std::unexpected<Error> fail(ErrorCode code, std::string message) {
  return std::unexpected<Error>(Error{code, std::move(message)});
}

// Exit status of the command-line tool for an error code: 2 for anything the user can fix by
// changing the input, 1 is reserved for "a check found problems", 3 for environment failures.
int exit_code_for(ErrorCode code);

// The same failure, about the input `field`.
inline std::unexpected<Error> fail_field(ErrorCode code, std::string message, std::string field) {
  return std::unexpected<Error>(Error{code, std::move(message), std::move(field)});
}

}  // namespace cyberframe::util
