# firmware_vectors(<vectors.json> <out.h>): writes the inputs and expected outputs of two known
# answers from tests/vectors into a C header (fw_vectors.h.in), at configure time:
#   v320-default-01        IOT_Sign_MQTT, iotkit-embedded v3.2.0 default build
#   doc-mqtt-tcp-hmacsha1  the documented HMAC-SHA1 example, through iotwire_mqtt_get_password
# Values are copied, never computed; the doc example's inputs are read back from its client id
# and username, as cortex-m/gen_expected.py does.
function(firmware_vectors json_file out_file)
  file(READ "${json_file}" _json)
  _fw_vector(_legacy "${_json}" v320-default-01)
  _fw_vector(_doc "${_json}" doc-mqtt-tcp-hmacsha1)

  string(JSON FW_LEGACY_PRODUCT_KEY GET "${_legacy}" inputs product_key)
  string(JSON FW_LEGACY_DEVICE_NAME GET "${_legacy}" inputs device_name)
  string(JSON FW_LEGACY_DEVICE_SECRET GET "${_legacy}" inputs device_secret)
  string(JSON FW_LEGACY_REGION GET "${_legacy}" inputs region)
  string(JSON FW_LEGACY_PASSWORD GET "${_legacy}" expected password)

  string(JSON _client_id GET "${_doc}" expected mqtt_client_id)
  string(JSON _username GET "${_doc}" expected mqtt_username)
  string(JSON FW_DOC_DEVICE_SECRET GET "${_doc}" inputs key)
  string(JSON FW_DOC_PASSWORD GET "${_doc}" expected hex_upper)
  string(JSON _alg GET "${_doc}" inputs alg)
  if(NOT _alg STREQUAL "HMAC-SHA1")
    message(FATAL_ERROR "${json_file}: doc-mqtt-tcp-hmacsha1 is no longer HMAC-SHA1")
  endif()
  _fw_match(FW_DOC_CLIENT_ID "^([^|]+)\\|" 1 "${_client_id}")
  _fw_match(FW_DOC_TIMESTAMP "timestamp=([0-9]+)" 1 "${_client_id}")
  _fw_match(FW_DOC_DEVICE_NAME "^([^&]+)&" 1 "${_username}")
  _fw_match(FW_DOC_PRODUCT_KEY "&(.+)$" 1 "${_username}")

  # Pasted into C string literals unescaped, so only characters that need no escape; a field
  # the regexes above did not find is empty and fails here too.
  foreach(_v FW_LEGACY_PRODUCT_KEY FW_LEGACY_DEVICE_NAME FW_LEGACY_DEVICE_SECRET
      FW_LEGACY_PASSWORD FW_DOC_DEVICE_SECRET FW_DOC_PASSWORD FW_DOC_CLIENT_ID FW_DOC_TIMESTAMP
      FW_DOC_DEVICE_NAME FW_DOC_PRODUCT_KEY)
    if(NOT "${${_v}}" MATCHES "^[A-Za-z0-9._&|=,-]+$")
      message(FATAL_ERROR "${json_file}: ${_v} '${${_v}}' needs escaping in C")
    endif()
  endforeach()
  if(NOT FW_LEGACY_REGION MATCHES "^[0-9]+$")
    message(FATAL_ERROR "${json_file}: v320-default-01 region '${FW_LEGACY_REGION}'")
  endif()
  set(FW_VECTORS_SOURCE "${json_file}")
  configure_file("${CMAKE_CURRENT_FUNCTION_LIST_DIR}/fw_vectors.h.in" "${out_file}" @ONLY)
endfunction()

# The vector object whose "id" is <id>.
function(_fw_vector out json id)
  string(JSON _n LENGTH "${json}" vectors)
  math(EXPR _last "${_n} - 1")
  foreach(_i RANGE ${_last})
    string(JSON _id GET "${json}" vectors ${_i} id)
    if(_id STREQUAL id)
      string(JSON _v GET "${json}" vectors ${_i})
      set(${out} "${_v}" PARENT_SCOPE)
      return()
    endif()
  endforeach()
  message(FATAL_ERROR "no vector '${id}' in the vectors file")
endfunction()

function(_fw_match out regex group text)
  string(REGEX MATCH "${regex}" _m "${text}")
  set(${out} "${CMAKE_MATCH_${group}}" PARENT_SCOPE)
endfunction()
