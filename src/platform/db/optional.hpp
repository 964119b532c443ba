#pragma once
// SOCI 4.0 knows boost::optional but not std::optional: this teaches it, so NULL columns map to std::nullopt.
#include <optional>

#include <soci/soci.h>

namespace soci {

template <class T>
struct type_conversion<std::optional<T>> {
  using base_type = typename type_conversion<T>::base_type;

  static void from_base(const base_type& in, indicator ind, std::optional<T>& out) {
    if (ind == i_null) {
      out.reset();
      return;
    }
    T value;
    type_conversion<T>::from_base(in, i_ok, value);
    out = std::move(value);
  }

  static void to_base(const std::optional<T>& in, base_type& out, indicator& ind) {
    if (!in) {
      ind = i_null;
      return;
    }
    type_conversion<T>::to_base(*in, out, ind);
  }
};

}  // namespace soci
