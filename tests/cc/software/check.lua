-- Exercises the Lua VM, its libraries and the C library beneath them.
local function fib(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end
print("fib", fib(22))

local t = {}
for i = 1, 2000 do t[i] = (i * 7919) % 2003 end
table.sort(t)
print("sort", t[1], t[1000], t[2000], #t)
table.sort(t, function(a, b) return a > b end)
print("sort desc", t[1], t[2000])

local squares = {}
for i = 1, 100 do squares[#squares + 1] = i * i end
print("concat", table.concat(squares, ",", 1, 8))

print("format", string.format("%5.2f|%-6d|%x|%X|%o|%e|%g|%g|%q", math.pi, 42, 255, 255, 8,
      12345.678, 1e20, 0.1, "a\nb\"c"))
print("format int", string.format("%d %i %5s %-5s| %c%c", -7, 2^31, "ab", "cd", 72, 105))
print("numbers", 7 // 2, 7.0 // 2, -7 // 2, 7 % -3, -7 % 3, 2^10, 10 / 4, 3 | 5, 6 & 3, 5 ~ 1,
      1 << 62, 1 << 63, 1 << 64, -1 >> 1, ~0)
print("integers", math.maxinteger, math.mininteger, math.maxinteger + 1 == math.mininteger,
      math.tointeger(3.0), 3 == 3.0, math.type(1), math.type(1.0), math.type("1"))
print("floats", 1e308 * 10, -1e308 * 10, 0.1 + 0.2, 1 / 3, 100 * 1.1, 2^53 + 1, 1e15, 1e16)
print("tostring", tostring(1e100), tostring(-0.0), tostring(123456789012), 0x7fffffffffffffff)
print("tonumber", tonumber("0x1p4"), tonumber("  12  "), tonumber("1e2"), tonumber("z", 36),
      tonumber("10", 2), tonumber("abc"), tonumber("5.25"))
print("math", math.floor(-3.5), math.ceil(-3.5), math.abs(-4), math.max(3, 9, 2), math.min(3, 9, 2),
      math.fmod(7, 3), math.sqrt(2), math.sin(1), math.exp(1), math.log(100, 10), math.huge)

local s = "The quick brown fox jumps over the lazy dog"
print("find", s:find("quick"), s:find("o", 20), s:find("%s(%a+)$"))
print("match", s:match("(%a+) fox"), s:match("^(%w+)"), ("key=val"):match("(%w+)=(%w+)"))
print("gsub", s:gsub("o", "0"), (s:gsub("%w+", function(w) return #w end)))
local words = {}
for w in s:gmatch("%a+") do words[#words + 1] = w:upper() end
print("gmatch", #words, words[4], words[9])
print("rep sub", ("ab"):rep(3, "-"), s:sub(5, 9), s:sub(-3), s:byte(1), string.char(76, 117, 97))
print("reverse lower len", ("Lua"):reverse(), ("MiXeD"):lower(), #s)
print("pack", string.unpack("<i4", string.pack("<i4", -2)), #string.pack("z", "hello"),
      string.format("%q", string.pack(">I2", 258)))
print("utf8", utf8.char(72, 228, 8364, 128512), utf8.len("häll€"), #utf8.char(128512))

local Point = {}
Point.__index = Point
function Point.new(x, y) return setmetatable({x = x, y = y}, Point) end
function Point.__add(a, b) return Point.new(a.x + b.x, a.y + b.y) end
function Point.__eq(a, b) return a.x == b.x and a.y == b.y end
function Point.__tostring(p) return "(" .. p.x .. "," .. p.y .. ")" end
function Point:len2() return self.x * self.x + self.y * self.y end
local p = Point.new(1, 2) + Point.new(3, 4)
print("meta", tostring(p), p:len2(), p == Point.new(4, 6), rawequal(p, Point.new(4, 6)))

local function counter()
  local n = 0
  return function() n = n + 1; return n end
end
local c1, c2 = counter(), counter()
c1(); c1()
print("closures", c1(), c2())

local co = coroutine.create(function(a, b)
  local c = coroutine.yield(a + b)
  local d, e = coroutine.yield(c * 2)
  return d + e
end)
print("coroutine", coroutine.resume(co, 1, 2))
print("coroutine", coroutine.resume(co, 10))
print("coroutine", coroutine.resume(co, 3, 4))
print("coroutine", coroutine.resume(co), coroutine.status(co))

print("pcall", select("#", pcall(function() error({code = 7}) end)), select(2, pcall(function() error({code = 7}) end)).code)
print("pcall", select(2, pcall(function() error("msg", 0) end)))
print("pcall", pcall(function() local x = nil; return x.field end))
print("xpcall", xpcall(function() error("deep") end, function(m) return "handled: " .. m end))

local weak = setmetatable({}, {__mode = "k"})
for i = 1, 100 do weak[{}] = i end
collectgarbage()
local left = 0
for _ in pairs(weak) do left = left + 1 end
print("gc weak", left)
local big = {}
for i = 1, 50000 do big[i] = {i, tostring(i)} end
big = nil
collectgarbage()
print("gc", collectgarbage("count") < 10000)

for i = 1, 3 do
  for j = 1, 3 do
    if j == 2 then goto continue end
    io.write(i, ":", j, " ")
    ::continue::
  end
end
print()
print("varargs", select("#", 1, nil, 3, nil), select(-1, "a", "b"), table.unpack({1, 2, 3}, 2))
print("os", math.type(os.time()), os.date("!%Y-%m-%d %H:%M:%S %j %A", 86400 * 366 + 3661),
      type(os.clock()), os.getenv("PCC_NO_SUCH_VARIABLE"))
local name = os.tmpname()
local f = assert(io.open(name, "w"))
f:write("line one\n", 42, "\n", 3.5, "\n")
f:close()
local lines = {}
for line in io.lines(name) do lines[#lines + 1] = line end
f = io.open(name)
print("io", #lines, lines[1], lines[2] + 1, f:read("l"), f:read("n"), f:read("n"), f:read("a"))
f:close()
os.remove(name)
print("load", load("return 6 * 7")(), load("syntax error here"))
print("string.format long", string.format("%s", string.rep("x", 300)):len())
print("done")
