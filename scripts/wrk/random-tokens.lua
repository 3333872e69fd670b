-- GET the path with a different random, well-formed token on every request: the prefix, 30
-- base62 characters and the 6-character base62 CRC32 of what precedes it (SPEC §4), so every
-- one passes the checksum and is looked up, and none exists. PREFIX defaults to lkp_.
local bit = require("bit")
local alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
local prefix = os.getenv("PREFIX") or "lkp_"
local crc_table = {}
for i = 0, 255 do
  local c = i
  for _ = 1, 8 do
    if bit.band(c, 1) == 1 then c = bit.bxor(bit.rshift(c, 1), 0xEDB88320) else c = bit.rshift(c, 1) end
  end
  crc_table[i] = c
end

local function crc32(s)
  local crc = 0xFFFFFFFF
  for i = 1, #s do
    crc = bit.bxor(bit.rshift(crc, 8), crc_table[bit.band(bit.bxor(crc, s:byte(i)), 0xFF)])
  end
  crc = bit.bxor(crc, 0xFFFFFFFF)
  if crc < 0 then crc = crc + 4294967296 end
  return crc
end

local function base62(value, width)
  local digits = {}
  for i = width, 1, -1 do
    local d = value % 62
    digits[i] = alphabet:sub(d + 1, d + 1)
    value = math.floor(value / 62)
  end
  return table.concat(digits)
end

function init(args)
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
end

function request()
  local chars = {}
  for i = 1, 30 do
    local d = math.random(0, 61)
    chars[i] = alphabet:sub(d + 1, d + 1)
  end
  local body = prefix .. table.concat(chars)
  local token = body .. base62(crc32(body), 6)
  return wrk.format(nil, nil, { ["Authorization"] = "Bearer " .. token })
end
