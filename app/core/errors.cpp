#include "errors.h"

#include "base/error.h"
#include "base/i18n.h"
#include "store/error.h"

#include <filesystem>
#include <new>

namespace fidelis {

std::string error_text(std::exception_ptr error) {
    try {
        if (error) std::rethrow_exception(error);
        return tr(N_("Unknown error."));
    } catch (const Error& e) {
        return e.what();
    } catch (const std::filesystem::filesystem_error& e) {
        return format(tr(N_("Cannot use the file {1}: {2}")), {e.path1().string(), e.code().message()});
    } catch (const std::bad_alloc&) {
        return tr(N_("Out of memory."));
    } catch (const std::exception& e) {
        return format(tr(N_("Unexpected error: {1}")), {e.what()});
    } catch (...) {
        return tr(N_("Unexpected error."));
    }
}

}  // namespace fidelis

namespace fidelis {

namespace {

bool is_store_error(std::exception_ptr error, StoreError::Kind kind) {
    try {
        if (error) std::rethrow_exception(error);
    } catch (const StoreError& e) {
        return e.kind() == kind;
    } catch (...) {
    }
    return false;
}

}  // namespace

bool is_stale_edit(std::exception_ptr error) { return is_store_error(error, StoreError::Kind::Stale); }
bool is_connection_lost(std::exception_ptr error) { return is_store_error(error, StoreError::Kind::Connection); }

}  // namespace fidelis
