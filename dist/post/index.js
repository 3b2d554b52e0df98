import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 2613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 5317:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("child_process");

/***/ }),

/***/ 6982:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");

/***/ }),

/***/ 4434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 8611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 5692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 9278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 4589:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");

/***/ }),

/***/ 6698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 7540:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:console");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3053:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");

/***/ }),

/***/ 610:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns");

/***/ }),

/***/ 8474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 2467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 7030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");

/***/ }),

/***/ 1792:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 1692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 3429:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util/types");

/***/ }),

/***/ 5919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 6928:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");

/***/ }),

/***/ 3193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");

/***/ }),

/***/ 3557:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("timers");

/***/ }),

/***/ 4756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ }),

/***/ 194:
/***/ (function(module) {

(function (root) {
    'use strict';
    // A list of regular expressions that match arbitrary IPv4 addresses,
    // for which a number of weird notations exist.
    // Note that an address like 0010.0xa5.1.1 is considered legal.
    const ipv4Part = '(0?\\d+|0x[a-f0-9]+)';
    const ipv4Regexes = {
        fourOctet: new RegExp(`^${ipv4Part}\\.${ipv4Part}\\.${ipv4Part}\\.${ipv4Part}$`, 'i'),
        threeOctet: new RegExp(`^${ipv4Part}\\.${ipv4Part}\\.${ipv4Part}$`, 'i'),
        twoOctet: new RegExp(`^${ipv4Part}\\.${ipv4Part}$`, 'i'),
        longValue: new RegExp(`^${ipv4Part}$`, 'i')
    };

    // Regular Expression for checking Octal numbers
    const octalRegex = new RegExp(`^0[0-7]+$`, 'i');
    const hexRegex = new RegExp(`^0x[a-f0-9]+$`, 'i');

    const zoneIndex = '%[0-9a-z]{1,}';

    // IPv6-matching regular expressions.
    // For IPv6, the task is simpler: it is enough to match the colon-delimited
    // hexadecimal IPv6 and a transitional variant with dotted-decimal IPv4 at
    // the end.
    const ipv6Part = '(?:[0-9a-f]+::?)+';
    const ipv6Regexes = {
        zoneIndex: new RegExp(zoneIndex, 'i'),
        'native': new RegExp(`^(::)?(${ipv6Part})?([0-9a-f]+)?(::)?(${zoneIndex})?$`, 'i'),
        deprecatedTransitional: new RegExp(`^(?:::)(${ipv4Part}\\.${ipv4Part}\\.${ipv4Part}\\.${ipv4Part}(${zoneIndex})?)$`, 'i'),
        transitional: new RegExp(`^((?:${ipv6Part})|(?:::)(?:${ipv6Part})?)${ipv4Part}\\.${ipv4Part}\\.${ipv4Part}\\.${ipv4Part}(${zoneIndex})?$`, 'i')
    };

    // Expand :: in an IPv6 address or address part consisting of `parts` groups.
    function expandIPv6 (string, parts) {
        // More than one '::' means invalid address
        if (string.indexOf('::') !== string.lastIndexOf('::')) {
            return null;
        }

        let colonCount = 0;
        let lastColon = -1;
        let zoneId = (string.match(ipv6Regexes.zoneIndex) || [])[0];
        let replacement, replacementCount;

        // Remove zone index and save it for later
        if (zoneId) {
            zoneId = zoneId.substring(1);
            string = string.replace(/%.+$/, '');
        }

        // How many parts do we already have?
        while ((lastColon = string.indexOf(':', lastColon + 1)) >= 0) {
            colonCount++;
        }

        // 0::0 is two parts more than ::
        if (string.substr(0, 2) === '::') {
            colonCount--;
        }

        if (string.substr(-2, 2) === '::') {
            colonCount--;
        }

        // An address must not contain more separators than available parts,
        // and :: must compress at least one part.
        if (colonCount >= parts) {
            return null;
        }

        // replacement = ':' + '0:' * (parts - colonCount)
        replacementCount = parts - colonCount;
        replacement = ':';
        while (replacementCount--) {
            replacement += '0:';
        }

        // Insert the missing zeroes
        string = string.replace('::', replacement);

        // Trim any garbage which may be hanging around if :: was at the edge in
        // the source string
        if (string[0] === ':') {
            string = string.slice(1);
        }

        if (string[string.length - 1] === ':') {
            string = string.slice(0, -1);
        }

        parts = (function () {
            const ref = string.split(':');
            const results = [];

            for (let i = 0; i < ref.length; i++) {
                results.push(ref[i].length > 4 ? NaN : parseInt(ref[i], 16));
            }

            return results;
        })();

        return {
            parts: parts,
            zoneId: zoneId
        };
    }

    // A generic CIDR (Classless Inter-Domain Routing) RFC1518 range matcher.
    function matchCIDR (first, second, partSize, cidrBits) {
        if (first.length !== second.length) {
            throw new Error('ipaddr: cannot match CIDR for objects with different lengths');
        }

        let part = 0;
        let shift;

        while (cidrBits > 0) {
            shift = partSize - cidrBits;
            if (shift < 0) {
                shift = 0;
            }

            if (first[part] >> shift !== second[part] >> shift) {
                return false;
            }

            cidrBits -= partSize;
            part += 1;
        }

        return true;
    }

    function parseIntAuto (string) {
        // Hexadecimal base 16 (0x#)
        if (hexRegex.test(string)) {
            return parseInt(string, 16);
        }
        // While octal representation is discouraged by ECMAScript 3
        // and forbidden by ECMAScript 5, we silently allow it to
        // work only if the rest of the string has numbers less than 8.
        if (string[0] === '0' && !isNaN(parseInt(string[1], 10))) {
        if (octalRegex.test(string)) {
            return parseInt(string, 8);
        }
            throw new Error(`ipaddr: cannot parse ${string} as octal`);
        }
        // Always include the base 10 radix!
        return parseInt(string, 10);
    }

    function padPart (part, length) {
        while (part.length < length) {
            part = `0${part}`;
        }

        return part;
    }

    const ipaddr = {};

    // An IPv4 address (RFC791).
    ipaddr.IPv4 = (function () {
        // Constructs a new IPv4 address from an array of four octets
        // in network order (MSB first)
        // Verifies the input.
        function IPv4 (octets) {
            if (octets.length !== 4) {
                throw new Error('ipaddr: ipv4 octet count should be 4');
            }

            let i, octet;

            for (i = 0; i < octets.length; i++) {
                octet = octets[i];
                if (!((0 <= octet && octet <= 255))) {
                    throw new Error('ipaddr: ipv4 octet should fit in 8 bits');
                }
            }

            this.octets = octets;
        }

        // Special IPv4 address ranges.
        // See also https://en.wikipedia.org/wiki/Reserved_IP_addresses
        IPv4.prototype.SpecialRanges = {
            unspecified: [[new IPv4([0, 0, 0, 0]), 8]],
            broadcast: [[new IPv4([255, 255, 255, 255]), 32]],
            // RFC3171
            multicast: [[new IPv4([224, 0, 0, 0]), 4]],
            // RFC3927
            linkLocal: [[new IPv4([169, 254, 0, 0]), 16]],
            // RFC5735
            loopback: [[new IPv4([127, 0, 0, 0]), 8]],
            // RFC6598
            carrierGradeNat: [[new IPv4([100, 64, 0, 0]), 10]],
            // RFC1918
            'private': [
                [new IPv4([10, 0, 0, 0]), 8],
                [new IPv4([172, 16, 0, 0]), 12],
                [new IPv4([192, 168, 0, 0]), 16]
            ],
            // Reserved and testing-only ranges; RFCs 5735, 5737, 2544, 1700
            reserved: [
                [new IPv4([192, 0, 0, 0]), 24],
                [new IPv4([192, 0, 2, 0]), 24],
                [new IPv4([192, 88, 99, 0]), 24],
                [new IPv4([198, 18, 0, 0]), 15],
                [new IPv4([198, 51, 100, 0]), 24],
                [new IPv4([203, 0, 113, 0]), 24],
                [new IPv4([240, 0, 0, 0]), 4]
            ],
            // RFC7534, RFC7535
            as112: [
                [new IPv4([192, 175, 48, 0]), 24],
                [new IPv4([192, 31, 196, 0]), 24],
            ],
            // RFC7450
            amt: [
                [new IPv4([192, 52, 193, 0]), 24],
            ],
        };

        // The 'kind' method exists on both IPv4 and IPv6 classes.
        IPv4.prototype.kind = function () {
            return 'ipv4';
        };

        // Checks if this address matches other one within given CIDR range.
        IPv4.prototype.match = function (other, cidrRange) {
            let ref;
            if (cidrRange === undefined) {
                ref = other;
                other = ref[0];
                cidrRange = ref[1];
            }

            if (other.kind() !== 'ipv4') {
                throw new Error('ipaddr: cannot match ipv4 address with non-ipv4 one');
            }

            return matchCIDR(this.octets, other.octets, 8, cidrRange);
        };

        // returns a number of leading ones in IPv4 address, making sure that
        // the rest is a solid sequence of 0's (valid netmask)
        // returns either the CIDR length or null if mask is not valid
        IPv4.prototype.prefixLengthFromSubnetMask = function () {
            let cidr = 0;
            // non-zero encountered stop scanning for zeroes
            let stop = false;
            // number of zeroes in octet
            const zerotable = {
                0: 8,
                128: 7,
                192: 6,
                224: 5,
                240: 4,
                248: 3,
                252: 2,
                254: 1,
                255: 0
            };
            let i, octet, zeros;

            for (i = 3; i >= 0; i -= 1) {
                octet = this.octets[i];
                if (octet in zerotable) {
                    zeros = zerotable[octet];
                    if (stop && zeros !== 0) {
                        return null;
                    }

                    if (zeros !== 8) {
                        stop = true;
                    }

                    cidr += zeros;
                } else {
                    return null;
                }
            }

            return 32 - cidr;
        };

        // Checks if the address corresponds to one of the special ranges.
        IPv4.prototype.range = function () {
            return ipaddr.subnetMatch(this, this.SpecialRanges);
        };

        // Returns an array of byte-sized values in network order (MSB first)
        IPv4.prototype.toByteArray = function () {
            return this.octets.slice(0);
        };

        // Converts this IPv4 address to an IPv4-mapped IPv6 address.
        IPv4.prototype.toIPv4MappedAddress = function () {
            return ipaddr.IPv6.parse(`::ffff:${this.toString()}`);
        };

        // Symmetrical method strictly for aligning with the IPv6 methods.
        IPv4.prototype.toNormalizedString = function () {
            return this.toString();
        };

        // Returns the address in convenient, decimal-dotted format.
        IPv4.prototype.toString = function () {
            return this.octets.join('.');
        };

        return IPv4;
    })();

    // A utility function to return broadcast address given the IPv4 interface and prefix length in CIDR notation
    ipaddr.IPv4.broadcastAddressFromCIDR = function (string) {

        try {
            const cidr = this.parseCIDR(string);
            const ipInterfaceOctets = cidr[0].toByteArray();
            const subnetMaskOctets = this.subnetMaskFromPrefixLength(cidr[1]).toByteArray();
            const octets = [];
            let i = 0;
            while (i < 4) {
                // Broadcast address is bitwise OR between ip interface and inverted mask
                octets.push(parseInt(ipInterfaceOctets[i], 10) | parseInt(subnetMaskOctets[i], 10) ^ 255);
                i++;
            }

            return new this(octets);
        } catch (e) {
            throw new Error('ipaddr: the address does not have IPv4 CIDR format', { cause: e });
        }
    };

    // Checks if a given string is formatted like IPv4 address.
    ipaddr.IPv4.isIPv4 = function (string) {
        return this.parser(string) !== null;
    };

    // Checks if a given string is a valid IPv4 address.
    ipaddr.IPv4.isValid = function (string) {
        try {
            new this(this.parser(string));
            return true;
        } catch {
            return false;
        }
    };

    // Checks if a given string is a valid IPv4 address in CIDR notation.
    ipaddr.IPv4.isValidCIDR = function (string) {
        try {
            this.parseCIDR(string);
            return true;
        } catch {
            return false;
        }
    };

    // Checks if a given string is a full four-part IPv4 Address.
    ipaddr.IPv4.isValidFourPartDecimal = function (string) {
        if (ipaddr.IPv4.isValid(string) && string.match(/^(0|[1-9]\d*)(\.(0|[1-9]\d*)){3}$/)) {
            return true;
        } else {
            return false;
        }
    };

    // Checks if a given string is a full four-part IPv4 Address with CIDR prefix.
    ipaddr.IPv4.isValidCIDRFourPartDecimal = function (string) {
        const match = string.match(/^(.+)\/(\d+)$/);

        if (!ipaddr.IPv4.isValidCIDR(string) || !match) {
            return false;
        }

        return ipaddr.IPv4.isValidFourPartDecimal(match[1]);
    };

    // A utility function to return network address given the IPv4 interface and prefix length in CIDR notation
    ipaddr.IPv4.networkAddressFromCIDR = function (string) {
        let cidr, i, ipInterfaceOctets, octets, subnetMaskOctets;

        try {
            cidr = this.parseCIDR(string);
            ipInterfaceOctets = cidr[0].toByteArray();
            subnetMaskOctets = this.subnetMaskFromPrefixLength(cidr[1]).toByteArray();
            octets = [];
            i = 0;
            while (i < 4) {
                // Network address is bitwise AND between ip interface and mask
                octets.push(parseInt(ipInterfaceOctets[i], 10) & parseInt(subnetMaskOctets[i], 10));
                i++;
            }

            return new this(octets);
        } catch (e) {
            throw new Error('ipaddr: the address does not have IPv4 CIDR format', { cause: e });
        }
    };

    // Tries to parse and validate a string with IPv4 address.
    // Throws an error if it fails.
    ipaddr.IPv4.parse = function (string) {
        const parts = this.parser(string);

        if (parts === null) {
            throw new Error('ipaddr: string is not formatted like an IPv4 Address');
        }

        return new this(parts);
    };

    // Parses the string as an IPv4 Address with CIDR Notation.
    ipaddr.IPv4.parseCIDR = function (string) {
        let match;

        if ((match = string.match(/^(.+)\/(\d+)$/))) {
            const maskLength = parseInt(match[2]);
            if (maskLength >= 0 && maskLength <= 32) {
                const parsed = [this.parse(match[1]), maskLength];
                Object.defineProperty(parsed, 'toString', {
                    value: function () {
                        return this.join('/');
                    }
                });
                return parsed;
            }
        }

        throw new Error('ipaddr: string is not formatted like an IPv4 CIDR range');
    };

    // Classful variants (like a.b, where a is an octet, and b is a 24-bit
    // value representing last three octets; this corresponds to a class C
    // address) are omitted due to classless nature of modern Internet.
    ipaddr.IPv4.parser = function (string) {
        let match, part, value;

        // parseInt recognizes all that octal & hexadecimal weirdness for us
        if ((match = string.match(ipv4Regexes.fourOctet))) {
            return (function () {
                const ref = match.slice(1, 6);
                const results = [];

                for (let i = 0; i < ref.length; i++) {
                    part = ref[i];
                    results.push(parseIntAuto(part));
                }

                return results;
            })();
        } else if ((match = string.match(ipv4Regexes.longValue))) {
            value = parseIntAuto(match[1]);
            if (value > 0xffffffff || value < 0) {
                throw new Error('ipaddr: address outside defined range');
            }

            return ((function () {
                const results = [];
                let shift;

                for (shift = 0; shift <= 24; shift += 8) {
                    results.push((value >> shift) & 0xff);
                }

                return results;
            })()).reverse();
        } else if ((match = string.match(ipv4Regexes.twoOctet))) {
            return (function () {
                const ref = match.slice(1, 4);
                const results = [];

                value = parseIntAuto(ref[1]);
                if (value > 0xffffff || value < 0) {
                    throw new Error('ipaddr: address outside defined range');
                }

                results.push(parseIntAuto(ref[0]));
                results.push((value >> 16) & 0xff);
                results.push((value >>  8) & 0xff);
                results.push( value        & 0xff);

                return results;
            })();
        } else if ((match = string.match(ipv4Regexes.threeOctet))) {
            return (function () {
                const ref = match.slice(1, 5);
                const results = [];

                value = parseIntAuto(ref[2]);
                if (value > 0xffff || value < 0) {
                    throw new Error('ipaddr: address outside defined range');
                }

                results.push(parseIntAuto(ref[0]));
                results.push(parseIntAuto(ref[1]));
                results.push((value >> 8) & 0xff);
                results.push( value       & 0xff);

                return results;
            })();
        } else {
            return null;
        }
    };

    // A utility function to return subnet mask in IPv4 format given the prefix length
    ipaddr.IPv4.subnetMaskFromPrefixLength = function (prefix) {
        prefix = parseInt(prefix);
        if (Number.isNaN(prefix) || prefix < 0 || prefix > 32) {
            throw new Error('ipaddr: invalid IPv4 prefix length');
        }

        const octets = [0, 0, 0, 0];
        let j = 0;
        const filledOctetCount = Math.floor(prefix / 8);

        while (j < filledOctetCount) {
            octets[j] = 255;
            j++;
        }

        if (filledOctetCount < 4) {
            octets[filledOctetCount] = Math.pow(2, prefix % 8) - 1 << 8 - (prefix % 8);
        }

        return new this(octets);
    };

    // An IPv6 address (RFC2460)
    ipaddr.IPv6 = (function () {
        // Constructs an IPv6 address from an array of eight 16 - bit parts
        // or sixteen 8 - bit parts in network order(MSB first).
        // Throws an error if the input is invalid.
        function IPv6 (parts, zoneId) {
            let i, part;

            if (parts.length === 16) {
                this.parts = [];
                for (i = 0; i <= 14; i += 2) {
                    this.parts.push((parts[i] << 8) | parts[i + 1]);
                }
            } else if (parts.length === 8) {
                this.parts = parts;
            } else {
                throw new Error('ipaddr: ipv6 part count should be 8 or 16');
            }

            for (i = 0; i < this.parts.length; i++) {
                part = this.parts[i];
                if (!((0 <= part && part <= 0xffff))) {
                    throw new Error('ipaddr: ipv6 part should fit in 16 bits');
                }
            }

            if (zoneId) {
                this.zoneId = zoneId;
            }
        }

        // Special IPv6 ranges
        IPv6.prototype.SpecialRanges = {
            // RFC4291, here and after
            unspecified: [new IPv6([0, 0, 0, 0, 0, 0, 0, 0]), 128],
            linkLocal: [new IPv6([0xfe80, 0, 0, 0, 0, 0, 0, 0]), 10],
            multicast: [new IPv6([0xff00, 0, 0, 0, 0, 0, 0, 0]), 8],
            loopback: [new IPv6([0, 0, 0, 0, 0, 0, 0, 1]), 128],
            uniqueLocal: [new IPv6([0xfc00, 0, 0, 0, 0, 0, 0, 0]), 7],
            ipv4Mapped: [new IPv6([0, 0, 0, 0, 0, 0xffff, 0, 0]), 96],
            // RFC3879
            deprecatedSiteLocal: [new IPv6([0xfec0, 0, 0, 0, 0, 0, 0, 0]), 10],
            // RFC6666
            discard: [new IPv6([0x100, 0, 0, 0, 0, 0, 0, 0]), 64],
            // RFC6145
            rfc6145: [new IPv6([0, 0, 0, 0, 0xffff, 0, 0, 0]), 96],
            rfc6052: [
                // RFC6052
                [new IPv6([0x64, 0xff9b, 0, 0, 0, 0, 0, 0]), 96],
                // RFC8215
                [new IPv6([0x64, 0xff9b, 0x1, 0, 0, 0, 0, 0]), 48],
            ],
            // RFC3056
            '6to4': [new IPv6([0x2002, 0, 0, 0, 0, 0, 0, 0]), 16],
            // RFC6052, RFC6146
            teredo: [new IPv6([0x2001, 0, 0, 0, 0, 0, 0, 0]), 32],
            // RFC5180
            benchmarking: [new IPv6([0x2001, 0x2, 0, 0, 0, 0, 0, 0]), 48],
            // RFC7450
            amt: [new IPv6([0x2001, 0x3, 0, 0, 0, 0, 0, 0]), 32],
            as112v6: [
                // RFC7535
                [new IPv6([0x2001, 0x4, 0x112, 0, 0, 0, 0, 0]), 48],
                // RFC7534
                [new IPv6([0x2620, 0x4f, 0x8000, 0, 0, 0, 0, 0]), 48],
            ],
            // RFC4843
            deprecatedOrchid: [new IPv6([0x2001, 0x10, 0, 0, 0, 0, 0, 0]), 28],
            // RFC7343
            orchid2: [new IPv6([0x2001, 0x20, 0, 0, 0, 0, 0, 0]), 28],
            // RFC9374
            droneRemoteIdProtocolEntityTags: [new IPv6([0x2001, 0x30, 0, 0, 0, 0, 0, 0]), 28],
            // RFC9602
            segmentRouting: [new IPv6([0x5f00, 0, 0, 0, 0, 0, 0, 0]), 16],
            reserved: [
                // RFC3849
                [new IPv6([0x2001, 0, 0, 0, 0, 0, 0, 0]), 23],
                // RFC2928
                [new IPv6([0x2001, 0xdb8, 0, 0, 0, 0, 0, 0]), 32],
                // RFC9637
                [new IPv6([0x3fff, 0, 0, 0, 0, 0, 0, 0]), 20],
            ],
        };

        // Checks if this address is an IPv4-mapped IPv6 address.
        IPv6.prototype.isIPv4MappedAddress = function () {
            return this.range() === 'ipv4Mapped';
        };

        // The 'kind' method exists on both IPv4 and IPv6 classes.
        IPv6.prototype.kind = function () {
            return 'ipv6';
        };

        // Checks if this address matches other one within given CIDR range.
        IPv6.prototype.match = function (other, cidrRange) {
            let ref;

            if (cidrRange === undefined) {
                ref = other;
                other = ref[0];
                cidrRange = ref[1];
            }

            if (other.kind() !== 'ipv6') {
                throw new Error('ipaddr: cannot match ipv6 address with non-ipv6 one');
            }

            return matchCIDR(this.parts, other.parts, 16, cidrRange);
        };

        // returns a number of leading ones in IPv6 address, making sure that
        // the rest is a solid sequence of 0's (valid netmask)
        // returns either the CIDR length or null if mask is not valid
        IPv6.prototype.prefixLengthFromSubnetMask = function () {
            let cidr = 0;
            // non-zero encountered stop scanning for zeroes
            let stop = false;
            // number of zeroes in octet
            const zerotable = {
                0: 16,
                32768: 15,
                49152: 14,
                57344: 13,
                61440: 12,
                63488: 11,
                64512: 10,
                65024: 9,
                65280: 8,
                65408: 7,
                65472: 6,
                65504: 5,
                65520: 4,
                65528: 3,
                65532: 2,
                65534: 1,
                65535: 0
            };
            let part, zeros;

            for (let i = 7; i >= 0; i -= 1) {
                part = this.parts[i];
                if (part in zerotable) {
                    zeros = zerotable[part];
                    if (stop && zeros !== 0) {
                        return null;
                    }

                    if (zeros !== 16) {
                        stop = true;
                    }

                    cidr += zeros;
                } else {
                    return null;
                }
            }

            return 128 - cidr;
        };


        // Checks if the address corresponds to one of the special ranges.
        IPv6.prototype.range = function () {
            return ipaddr.subnetMatch(this, this.SpecialRanges);
        };

        // Returns an array of byte-sized values in network order (MSB first)
        IPv6.prototype.toByteArray = function () {
            let part;
            const bytes = [];
            const ref = this.parts;
            for (let i = 0; i < ref.length; i++) {
                part = ref[i];
                bytes.push(part >> 8);
                bytes.push(part & 0xff);
            }

            return bytes;
        };

        // Returns the address in expanded format with all zeroes included, like
        // 2001:0db8:0008:0066:0000:0000:0000:0001
        IPv6.prototype.toFixedLengthString = function () {
            const addr = ((function () {
                const results = [];
                for (let i = 0; i < this.parts.length; i++) {
                    results.push(padPart(this.parts[i].toString(16), 4));
                }

                return results;
            }).call(this)).join(':');

            let suffix = '';

            if (this.zoneId) {
                suffix = `%${this.zoneId}`;
            }

            return addr + suffix;
        };

        // Converts this address to IPv4 address if it is an IPv4-mapped IPv6 address.
        // Throws an error otherwise.
        IPv6.prototype.toIPv4Address = function () {
            if (!this.isIPv4MappedAddress()) {
                throw new Error('ipaddr: trying to convert a generic ipv6 address to ipv4');
            }

            const ref = this.parts.slice(-2);
            const high = ref[0];
            const low = ref[1];

            return new ipaddr.IPv4([high >> 8, high & 0xff, low >> 8, low & 0xff]);
        };

        // Returns the address in expanded format with all zeroes included, like
        // 2001:db8:8:66:0:0:0:1
        //
        // Deprecated: use toFixedLengthString() instead.
        IPv6.prototype.toNormalizedString = function () {
            const addr = ((function () {
                const results = [];

                for (let i = 0; i < this.parts.length; i++) {
                    results.push(this.parts[i].toString(16));
                }

                return results;
            }).call(this)).join(':');

            let suffix = '';

            if (this.zoneId) {
                suffix = `%${this.zoneId}`;
            }

            return addr + suffix;
        };

        // Returns the address in compact, human-readable format like
        // 2001:db8:8:66::1
        // in line with RFC 5952 (see https://tools.ietf.org/html/rfc5952#section-4)
        IPv6.prototype.toRFC5952String = function () {
            const regex = /((^|:)(0(:|$)){2,})/g;
            // The zone identifier (RFC 4007) is not part of the address; match
            // against the address alone so a trailing zero run right before the
            // "%" suffix still gets compressed (RFC 5952, 4.2.2).
            let suffix = '';
            if (this.zoneId) {
                suffix = `%${this.zoneId}`;
            }
            const normalized = this.toNormalizedString();
            const string = normalized.slice(0, normalized.length - suffix.length);
            let bestMatchIndex = 0;
            let bestMatchLength = -1;
            let bestMatchGroups = -1;
            let match;

            while ((match = regex.exec(string))) {
                // Compare by the number of zero groups, not the matched length:
                // a run that is not at the start carries a leading ":" in the
                // match, so an equal-length run later in the address would
                // otherwise be preferred over the leftmost one (RFC 5952, 4.2.3).
                const groups = (match[0].match(/0/g) || []).length;
                if (groups > bestMatchGroups) {
                    bestMatchGroups = groups;
                    bestMatchIndex = match.index;
                    bestMatchLength = match[0].length;
                }
            }

            if (bestMatchLength < 0) {
                return string + suffix;
            }

            return `${string.substring(0, bestMatchIndex)}::${string.substring(bestMatchIndex + bestMatchLength)}${suffix}`;
        };

        // Returns the address in compact, human-readable format like
        // 2001:db8:8:66::1
        // Calls toRFC5952String under the hood.
        IPv6.prototype.toString = function () {
            return this.toRFC5952String();
        };

        return IPv6;

    })();

    // A utility function to return broadcast address given the IPv6 interface and prefix length in CIDR notation
    ipaddr.IPv6.broadcastAddressFromCIDR = function (string) {
        try {
            const cidr = this.parseCIDR(string);
            const ipInterfaceOctets = cidr[0].toByteArray();
            const subnetMaskOctets = this.subnetMaskFromPrefixLength(cidr[1]).toByteArray();
            const octets = [];
            let i = 0;
            while (i < 16) {
                // Broadcast address is bitwise OR between ip interface and inverted mask
                octets.push(parseInt(ipInterfaceOctets[i], 10) | parseInt(subnetMaskOctets[i], 10) ^ 255);
                i++;
            }

            return new this(octets);
        } catch (e) {
            throw new Error('ipaddr: the address does not have IPv6 CIDR format', { cause: e });
        }
    };

    // Checks if a given string is formatted like IPv6 address.
    ipaddr.IPv6.isIPv6 = function (string) {
        return this.parser(string) !== null;
    };

    // Checks to see if string is a valid IPv6 Address
    ipaddr.IPv6.isValid = function (string) {

        // Since IPv6.isValid is always called first, this shortcut
        // provides a substantial performance gain.
        if (typeof string === 'string' && string.indexOf(':') === -1) {
            return false;
        }

        try {
            const addr = this.parser(string);
            new this(addr.parts, addr.zoneId);
            return true;
        } catch {
            return false;
        }
    };

    // Checks if a given string is a valid IPv6 address in CIDR notation.
    ipaddr.IPv6.isValidCIDR = function (string) {

        // See note in IPv6.isValid
        if (typeof string === 'string' && string.indexOf(':') === -1) {
            return false;
        }

        try {
            this.parseCIDR(string);
            return true;
        } catch {
            return false;
        }
    };

    // A utility function to return network address given the IPv6 interface and prefix length in CIDR notation
    ipaddr.IPv6.networkAddressFromCIDR = function (string) {
        let cidr, i, ipInterfaceOctets, octets, subnetMaskOctets;

        try {
            cidr = this.parseCIDR(string);
            ipInterfaceOctets = cidr[0].toByteArray();
            subnetMaskOctets = this.subnetMaskFromPrefixLength(cidr[1]).toByteArray();
            octets = [];
            i = 0;
            while (i < 16) {
                // Network address is bitwise AND between ip interface and mask
                octets.push(parseInt(ipInterfaceOctets[i], 10) & parseInt(subnetMaskOctets[i], 10));
                i++;
            }

            return new this(octets);
        } catch (e) {
            throw new Error('ipaddr: the address does not have IPv6 CIDR format', { cause: e });
        }
    };

    // Tries to parse and validate a string with IPv6 address.
    // Throws an error if it fails.
    ipaddr.IPv6.parse = function (string) {
        const addr = this.parser(string);

        if (addr === null) {
            throw new Error('ipaddr: string is not formatted like an IPv6 Address');
        }

        return new this(addr.parts, addr.zoneId);
    };

    ipaddr.IPv6.parseCIDR = function (string) {
        let maskLength, match, parsed;

        if ((match = string.match(/^(.+)\/(\d+)$/))) {
            maskLength = parseInt(match[2]);
            if (maskLength >= 0 && maskLength <= 128) {
                parsed = [this.parse(match[1]), maskLength];
                Object.defineProperty(parsed, 'toString', {
                    value: function () {
                        return this.join('/');
                    }
                });
                return parsed;
            }
        }

        throw new Error('ipaddr: string is not formatted like an IPv6 CIDR range');
    };

    // Parse an IPv6 address.
    ipaddr.IPv6.parser = function (string) {
        let addr, i, match, octet, octets, zoneId;

        if ((match = string.match(ipv6Regexes.deprecatedTransitional))) {
            return this.parser(`::ffff:${match[1]}`);
        }
        if (ipv6Regexes.native.test(string)) {
            return expandIPv6(string, 8);
        }
        if ((match = string.match(ipv6Regexes.transitional))) {
            zoneId = match[6] || '';
            addr = match[1]
            if (!match[1].endsWith('::')) {
                addr = addr.slice(0, -1)
            }
            addr = expandIPv6(addr + zoneId, 6);
            if (addr && addr.parts) {
                octets = [
                    parseInt(match[2]),
                    parseInt(match[3]),
                    parseInt(match[4]),
                    parseInt(match[5])
                ];
                for (i = 0; i < octets.length; i++) {
                    octet = octets[i];
                    if (!((0 <= octet && octet <= 255))) {
                        return null;
                    }
                }

                addr.parts.push(octets[0] << 8 | octets[1]);
                addr.parts.push(octets[2] << 8 | octets[3]);
                return {
                    parts: addr.parts,
                    zoneId: addr.zoneId
                };
            }
        }

        return null;
    };

    // A utility function to return subnet mask in IPv6 format given the prefix length
    ipaddr.IPv6.subnetMaskFromPrefixLength = function (prefix) {
        prefix = parseInt(prefix);
        if (Number.isNaN(prefix) || prefix < 0 || prefix > 128) {
            throw new Error('ipaddr: invalid IPv6 prefix length');
        }

        const octets = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
        let j = 0;
        const filledOctetCount = Math.floor(prefix / 8);

        while (j < filledOctetCount) {
            octets[j] = 255;
            j++;
        }

        if (filledOctetCount < 16) {
            octets[filledOctetCount] = Math.pow(2, prefix % 8) - 1 << 8 - (prefix % 8);
        }

        return new this(octets);
    };

    // Try to parse an array in network order (MSB first) for IPv4 and IPv6
    ipaddr.fromByteArray = function (bytes) {
        const length = bytes.length;

        if (length === 4) {
            return new ipaddr.IPv4(bytes);
        } else if (length === 16) {
            return new ipaddr.IPv6(bytes);
        } else {
            throw new Error('ipaddr: the binary input is neither an IPv6 nor IPv4 address');
        }
    };

    // Checks if the address is valid IP address
    ipaddr.isValid = function (string) {
        return ipaddr.IPv6.isValid(string) || ipaddr.IPv4.isValid(string);
    };

    // Checks if the address is valid IP address in CIDR notation
    ipaddr.isValidCIDR = function (string) {
        return ipaddr.IPv6.isValidCIDR(string) || ipaddr.IPv4.isValidCIDR(string);
    };


    // Attempts to parse an IP Address, first through IPv6 then IPv4.
    // Throws an error if it could not be parsed.
    ipaddr.parse = function (string) {
        if (ipaddr.IPv6.isValid(string)) {
            return ipaddr.IPv6.parse(string);
        } else if (ipaddr.IPv4.isValid(string)) {
            return ipaddr.IPv4.parse(string);
        } else {
            throw new Error('ipaddr: the address has neither IPv6 nor IPv4 format');
        }
    };

    // Attempt to parse CIDR notation, first through IPv6 then IPv4.
    // Throws an error if it could not be parsed.
    ipaddr.parseCIDR = function (string) {
        try {
            return ipaddr.IPv6.parseCIDR(string);
        } catch {
            try {
                return ipaddr.IPv4.parseCIDR(string);
            } catch (e) {
                throw new Error('ipaddr: the address has neither IPv6 nor IPv4 CIDR format', { cause: e });
            }
        }
    };

    // Parse an address and return plain IPv4 address if it is an IPv4-mapped address
    ipaddr.process = function (string) {
        const addr = this.parse(string);

        if (addr.kind() === 'ipv6' && addr.isIPv4MappedAddress()) {
            return addr.toIPv4Address();
        } else {
            return addr;
        }
    };

    // An utility function to ease named range matching. See examples below.
    // rangeList can contain both IPv4 and IPv6 subnet entries and will not throw errors
    // on matching IPv4 addresses to IPv6 ranges or vice versa.
    ipaddr.subnetMatch = function (address, rangeList, defaultName) {
        let i, rangeName, rangeSubnets, subnet;

        if (defaultName === undefined || defaultName === null) {
            defaultName = 'unicast';
        }

        for (rangeName in rangeList) {
            if (Object.prototype.hasOwnProperty.call(rangeList, rangeName)) {
                rangeSubnets = rangeList[rangeName];
                // ECMA5 Array.isArray isn't available everywhere
                if (rangeSubnets[0] && !(rangeSubnets[0] instanceof Array)) {
                    rangeSubnets = [rangeSubnets];
                }

                for (i = 0; i < rangeSubnets.length; i++) {
                    subnet = rangeSubnets[i];
                    if (address.kind() === subnet[0].kind() && address.match.apply(address, subnet)) {
                        return rangeName;
                    }
                }
            }
        }

        return defaultName;
    };

    // Export for both the CommonJS and browser-like environment
    if ( true && module.exports) {
        module.exports = ipaddr;

    } else {
        root.ipaddr = ipaddr;
    }

}(this));


/***/ }),

/***/ 4689:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   s: () => (/* binding */ getProxyUrl)
/* harmony export */ });
/* unused harmony export checkBypass */
function getProxyUrl(reqUrl) {
    const usingSsl = reqUrl.protocol === 'https:';
    if (checkBypass(reqUrl)) {
        return undefined;
    }
    const proxyVar = (() => {
        if (usingSsl) {
            return process.env['https_proxy'] || process.env['HTTPS_PROXY'];
        }
        else {
            return process.env['http_proxy'] || process.env['HTTP_PROXY'];
        }
    })();
    if (proxyVar) {
        try {
            return new DecodedURL(proxyVar);
        }
        catch (_a) {
            if (!proxyVar.startsWith('http://') && !proxyVar.startsWith('https://'))
                return new DecodedURL(`http://${proxyVar}`);
        }
    }
    else {
        return undefined;
    }
}
function checkBypass(reqUrl) {
    if (!reqUrl.hostname) {
        return false;
    }
    const reqHost = reqUrl.hostname;
    if (isLoopbackAddress(reqHost)) {
        return true;
    }
    const noProxy = process.env['no_proxy'] || process.env['NO_PROXY'] || '';
    if (!noProxy) {
        return false;
    }
    // Determine the request port
    let reqPort;
    if (reqUrl.port) {
        reqPort = Number(reqUrl.port);
    }
    else if (reqUrl.protocol === 'http:') {
        reqPort = 80;
    }
    else if (reqUrl.protocol === 'https:') {
        reqPort = 443;
    }
    // Format the request hostname and hostname with port
    const upperReqHosts = [reqUrl.hostname.toUpperCase()];
    if (typeof reqPort === 'number') {
        upperReqHosts.push(`${upperReqHosts[0]}:${reqPort}`);
    }
    // Compare request host against noproxy
    for (const upperNoProxyItem of noProxy
        .split(',')
        .map(x => x.trim().toUpperCase())
        .filter(x => x)) {
        if (upperNoProxyItem === '*' ||
            upperReqHosts.some(x => x === upperNoProxyItem ||
                x.endsWith(`.${upperNoProxyItem}`) ||
                (upperNoProxyItem.startsWith('.') &&
                    x.endsWith(`${upperNoProxyItem}`)))) {
            return true;
        }
    }
    return false;
}
function isLoopbackAddress(host) {
    const hostLower = host.toLowerCase();
    return (hostLower === 'localhost' ||
        hostLower.startsWith('127.') ||
        hostLower.startsWith('[::1]') ||
        hostLower.startsWith('[0:0:0:0:0:0:0:1]'));
}
class DecodedURL extends URL {
    constructor(url, base) {
        super(url, base);
        this._decodedUsername = decodeURIComponent(super.username);
        this._decodedPassword = decodeURIComponent(super.password);
    }
    get username() {
        return this._decodedUsername;
    }
    get password() {
        return this._decodedPassword;
    }
}
//# sourceMappingURL=proxy.js.map

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
var __webpack_exports__ = {};

;// CONCATENATED MODULE: ./src/c1/errors.ts
/**
 * C1Error is a failed C1 call: the operation, the credential it was about, the HTTP status and C1's own message.
 * `retryable` says whether the last failure was transient; `maybeApplied` that some attempt's outcome was
 * unknown (a network error, a timeout, a 5xx), so C1 may have acted on the request even though the call failed.
 */
class C1Error extends Error {
    status;
    retryable;
    maybeApplied;
    constructor(message, status, retryable, maybeApplied = false) {
        super(message);
        this.status = status;
        this.retryable = retryable;
        this.maybeApplied = maybeApplied;
        this.name = 'C1Error';
    }
}
/** messageOf gives the message of anything thrown. */
function messageOf(error) {
    return error instanceof Error ? error.message : String(error);
}
const GRPC_NAMES = {
    400: 'invalid argument',
    401: 'unauthenticated',
    403: 'permission denied',
    404: 'not found',
    409: 'conflict',
    429: 'resource exhausted',
    500: 'internal error',
    502: 'bad gateway',
    503: 'unavailable',
    504: 'gateway timeout'
};
/** statusText names an HTTP status the way C1's gRPC gateway means it. */
function statusText(status) {
    return `HTTP ${status}${GRPC_NAMES[status] === undefined ? '' : ` (${GRPC_NAMES[status]})`}`;
}
/** bodyMessage picks C1's own words out of an error body: google.rpc.Status `message`, or OAuth `error`. */
function bodyMessage(body) {
    try {
        const parsed = JSON.parse(body);
        if (typeof parsed === 'object' && parsed !== null) {
            const o = parsed;
            if (typeof o.error === 'string') {
                return typeof o.error_description === 'string' && o.error_description !== '' ? `${o.error}: ${o.error_description}` : o.error;
            }
            if (typeof o.message === 'string' && o.message !== '')
                return o.message;
        }
    }
    catch {
        // Not JSON: fall through to a short excerpt.
    }
    return excerpt(body);
}
/** excerpt shows the first bytes of a body that is not what was expected (a captive portal's HTML, say). */
function excerpt(body) {
    const flat = body.replace(/\s+/gu, ' ').trim();
    if (flat === '')
        return 'an empty body';
    return `a body starting ${JSON.stringify(flat.length > 120 ? `${flat.slice(0, 120)}…` : flat)}`;
}

// EXTERNAL MODULE: ../../main/node_modules/ipaddr.js/lib/ipaddr.js
var ipaddr = __nccwpck_require__(194);
var ipaddr_default = /*#__PURE__*/__nccwpck_require__.n(ipaddr);
;// CONCATENATED MODULE: ./src/config/errors.ts
/**
 * InputError is what every validation failure throws: it names the input, so a user can find the line in their
 * workflow, and it is raised before any network call.
 */
class errors_InputError extends Error {
    input;
    constructor(input, detail) {
        super(`Input '${input}': ${detail}`);
        this.input = input;
        this.name = 'InputError';
    }
}
/** quote shows a user's value in an error message, short and with control characters made visible. */
function errors_quote(value) {
    const shown = value.length > 80 ? `${value.slice(0, 80)}…` : value;
    return JSON.stringify(shown);
}

;// CONCATENATED MODULE: ./src/net/ip.ts

// Strict literal shapes: ipaddr.js alone also accepts forms like `0x7f.1` or `127.1` that no echo service sends.
const V4 = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/u;
const V6 = /^[0-9A-Fa-f:.]{2,45}$/u;
/** parseAddress reads one IP literal, or returns undefined when the text is not exactly one. */
function ip_parseAddress(text) {
    // ipaddr.js reads the deprecated IPv4-compatible form `::8.8.8.8` as IPv4-mapped; refuse it as ambiguous.
    if (/^::\d+\./u.test(text))
        return undefined;
    if (!V4.test(text) && !(text.includes(':') && V6.test(text) && ipaddr_default().IPv6.isValid(text)))
        return undefined;
    let parsed = ipaddr_default().parse(text);
    if (parsed instanceof (ipaddr_default()).IPv6 && parsed.isIPv4MappedAddress())
        parsed = parsed.toIPv4Address();
    if (parsed instanceof (ipaddr_default()).IPv4)
        return { family: 'ipv4', text: parsed.toString(), parsed };
    return { family: 'ipv6', text: parsed.toString(), parsed };
}
/**
 * isPublic says whether an address is publicly routable: ipaddr.js names every excluded class (private,
 * loopback, link-local, CGNAT, unspecified, multicast, broadcast, reserved — which holds the documentation and
 * benchmarking ranges — unique-local, and the IPv6 special ranges), and only `unicast` is left.
 */
function isPublic(address) {
    return address.parsed.range() === 'unicast';
}

;// CONCATENATED MODULE: ./src/net/cidr.ts



/**
 * parseCidr reads a CIDR or a bare IP (which becomes /32 or /128) into C1's canonical text: IPv4-mapped IPv6 is
 * written as IPv4, IPv6 in its short form. Host bits set are an error that names the network form.
 */
function parseCidr(input, value) {
    const slash = value.indexOf('/');
    const ipText = slash < 0 ? value : value.slice(0, slash);
    const prefixText = slash < 0 ? undefined : value.slice(slash + 1);
    const address = ip_parseAddress(ipText);
    const expected = 'expected an IP address or a CIDR such as 203.0.113.0/24 or 2001:db8::/48';
    if (address === undefined)
        throw new errors_InputError(input, `got ${errors_quote(value)}; ${expected}.`);
    const max = address.family === 'ipv4' ? 32 : 128;
    let prefix = max;
    if (prefixText !== undefined) {
        if (!/^(?:0|[1-9]\d{0,2})$/u.test(prefixText) || Number(prefixText) > mappedMax(ipText, max)) {
            throw new errors_InputError(input, `got ${errors_quote(value)}; the prefix length must be 0 to ${mappedMax(ipText, max)}.`);
        }
        // An IPv4-mapped IPv6 CIDR (::ffff:10.0.0.0/104) keeps its meaning as IPv4 with 96 fewer bits.
        prefix = Number(prefixText) - (mappedMax(ipText, max) - max);
        if (prefix < 0)
            throw new errors_InputError(input, `got ${errors_quote(value)}; an IPv4-mapped prefix must be at least /96.`);
    }
    const network = networkOf(address, prefix);
    if (network !== address.text) {
        throw new errors_InputError(input, `got ${errors_quote(value)}, which has host bits set; the network is ${network}/${prefix}.`);
    }
    return `${network}/${prefix}`;
}
// A mapped literal is read as IPv4 but its written prefix counts IPv6 bits.
function mappedMax(ipText, max) {
    return max === 32 && ipText.includes(':') ? 128 : max;
}
/** networkOf gives the network address of an address under a prefix length, in canonical text. */
function networkOf(address, prefix) {
    const cidr = `${address.text}/${prefix}`;
    return address.family === 'ipv4'
        ? ipaddr_default().IPv4.networkAddressFromCIDR(cidr).toString()
        : ipaddr_default().IPv6.networkAddressFromCIDR(cidr).toString();
}
/** toCidr applies a prefix length to an address: `203.0.113.7` with 24 gives `203.0.113.0/24`. */
function toCidr(address, prefix) {
    return `${networkOf(address, prefix)}/${prefix}`;
}
/**
 * normaliseExisting reads a CIDR C1 already holds into canonical text for comparison. C1 may hold forms this
 * action would not write: host bits set are read as their network, and anything unreadable is kept exactly as
 * it is, so a merge never widens or drops an entry.
 */
function normaliseExisting(value) {
    try {
        return parseCidr('allowSourceCidr', value);
    }
    catch {
        // Host bits set (10.1.2.3/8) still name one network; anything else stays as C1 wrote it.
        const [ip = '', prefix = '', extra] = value.split('/');
        const address = ip_parseAddress(ip);
        const max = address?.family === 'ipv4' ? 32 : 128;
        if (address === undefined || extra !== undefined || !/^\d{1,3}$/u.test(prefix) || Number(prefix) > max)
            return value;
        return toCidr(address, Number(prefix));
    }
}
/** unique keeps the first of each item, in order. */
function cidr_unique(items) {
    return [...new Set(items)];
}

;// CONCATENATED MODULE: ./src/config/durations.ts

const UNIT_MS = {
    w: 7 * 86_400_000,
    d: 86_400_000,
    h: 3_600_000,
    m: 60_000,
    s: 1_000
};
// Units must come largest first and each at most once, so `1h30m` parses and `30m1h` or `1h1h` do not.
const SHORT = /^(?:(\d+)w)?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/u;
const ISO = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/u;
const EXPECTED = 'expected a duration such as 30s, 15m, 12h, 30d, 1w or 1h30m, or ISO 8601 such as P30D, PT12H or P1W ' +
    '(no years, months, bare numbers or negative values)';
/**
 * parseDuration reads a positive duration in milliseconds. Years and months are refused because their length
 * depends on the calendar, and a credential's expiry should not.
 */
function durations_parseDuration(input, value) {
    const v = value.trim();
    const match = SHORT.exec(v) ?? ISO.exec(v);
    // `P1DT` matches the ISO pattern with an empty time part, which ISO 8601 does not allow.
    if (v === '' || v.endsWith('T') || match === null)
        throw new errors_InputError(input, `got ${errors_quote(v)}; ${EXPECTED}.`);
    const parts = match.slice(1);
    if (parts.every((p) => p === undefined))
        throw new errors_InputError(input, `got ${errors_quote(v)}; ${EXPECTED}.`);
    const units = ['w', 'd', 'h', 'm', 's'];
    let ms = 0;
    parts.forEach((p, i) => {
        if (p !== undefined)
            ms += Number(p) * (UNIT_MS[units[i] ?? 's'] ?? 0);
    });
    if (ms <= 0)
        throw new errors_InputError(input, `got ${errors_quote(v)}; the duration must be longer than zero.`);
    // 100 years is far beyond any credential's life; past it, a typo is likelier than intent.
    if (ms > 100 * 365 * 86_400_000)
        throw new errors_InputError(input, `got ${errors_quote(v)}; the duration is longer than 100 years.`);
    return ms;
}
/** formatDuration renders milliseconds the way the inputs are written (`1d2h`), for messages. */
function durations_formatDuration(ms) {
    let rest = Math.round(ms / 1000);
    const out = [];
    for (const [unit, size] of [
        ['d', 86_400],
        ['h', 3_600],
        ['m', 60],
        ['s', 1]
    ]) {
        const n = Math.floor(rest / size);
        if (n > 0)
            out.push(`${n}${unit}`);
        rest -= n * size;
    }
    return out.length > 0 ? out.join('') : '0s';
}

;// CONCATENATED MODULE: ./src/config/lists.ts

/** parseList splits a list input on newlines, commas or spaces, dropping empty items. */
function lists_parseList(value) {
    return value.split(/[\s,]+/u).filter((item) => item !== '');
}
/** parseBoolean accepts `true`/`false` in any case and nothing else: a typo must not silently mean false. */
function lists_parseBoolean(input, value, fallback) {
    const v = value.trim();
    if (v === '')
        return fallback;
    // Plain ASCII comparison: a Unicode-aware case fold would take `falſe` for false.
    if (v.toLowerCase() === 'true')
        return true;
    if (v.toLowerCase() === 'false')
        return false;
    throw new errors_InputError(input, `got ${errors_quote(v)}; expected true or false.`);
}
/** parseChoice accepts one of a fixed set of words (case-insensitive), or the fallback when empty. */
function lists_parseChoice(input, value, choices, fallback) {
    const v = value.trim().toLowerCase();
    if (v === '')
        return fallback;
    const found = choices.find((c) => c === v);
    if (found === undefined)
        throw new InputError(input, `got ${quote(value.trim())}; expected one of ${choices.join(', ')}.`);
    return found;
}
/** parseInteger accepts plain ASCII decimal digits within [min, max], or the fallback when empty. */
function lists_parseInteger(input, value, min, max, fallback) {
    const v = value.trim();
    if (v === '')
        return fallback;
    if (!/^[0-9]{1,6}$/u.test(v))
        throw new errors_InputError(input, `got ${errors_quote(v)}; expected a whole number from ${min} to ${max}.`);
    const n = Number(v);
    if (n < min || n > max)
        throw new errors_InputError(input, `got ${n}; expected a whole number from ${min} to ${max}.`);
    return n;
}

;// CONCATENATED MODULE: ./src/config/names.ts
/** The action's input names, exactly as `action.yml` and the README spell them. */
const names_Input = {
    tenant: 'tenant',
    token: 'token',
    clientId: 'client-id',
    clientSecret: 'client-secret',
    oidcAudience: 'oidc-audience',
    personalClientId: 'personal-client-id',
    displayName: 'display-name',
    scopedRoles: 'scoped-roles',
    allowSourceCidr: 'allow-source-cidr',
    cidrMode: 'cidr-mode',
    allowUnrestricted: 'allow-unrestricted',
    expiresTime: 'expires-time',
    expiresIn: 'expires-in',
    refreshWithin: 'refresh-within',
    updateMask: 'update-mask',
    runnerIp: 'runner-ip',
    runnerIpSources: 'runner-ip-sources',
    runnerIpVersion: 'runner-ip-version',
    runnerIpQuorum: 'runner-ip-quorum',
    runnerIpv4Prefix: 'runner-ipv4-prefix',
    runnerIpv6Prefix: 'runner-ipv6-prefix',
    cleanup: 'cleanup',
    lockCidr: 'lock-cidr',
    dryRun: 'dry-run',
    retryMaxAttempts: 'retry-max-attempts',
    requestTimeout: 'request-timeout',
    jobSummary: 'job-summary'
};
/** The environment variables C1's SDKs, `cone` and the Terraform provider share. */
const Env = {
    accessToken: 'CONDUCTORONE_ACCESS_TOKEN',
    clientId: 'CONDUCTORONE_CLIENT_ID',
    clientSecret: 'CONDUCTORONE_CLIENT_SECRET',
    tenantDomain: 'CONDUCTORONE_TENANT_DOMAIN',
    serverUrl: 'CONDUCTORONE_SERVER_URL'
};
/** The credential fields the action can change, in C1's lowerCamelCase update-mask names. */
const names_FIELDS = ['displayName', 'scopedRoles', 'allowSourceCidr', 'expiresTime'];
/** Defaults, in one place. */
const names_Defaults = {
    lockCidr: '192.0.2.1/32',
    retryMaxAttempts: 5,
    requestTimeoutMs: 15_000,
    quorum: 2,
    ipv4Prefix: 32,
    ipv6Prefix: 128,
    maxCidrs: 32,
    detectTimeoutCapMs: 5_000,
    ipv4Sources: ['https://api.ipify.org', 'https://checkip.amazonaws.com', 'https://ipv4.icanhazip.com'],
    ipv6Sources: ['https://api6.ipify.org', 'https://ipv6.icanhazip.com']
};

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(7598);
;// CONCATENATED MODULE: ./src/config/secret.ts


const secret_EXPECTED = 'expected secret-token:conductorone.com:v1:<base64url Ed25519 JWK> (the value is not repeated here)';
/** parseClientSecret decodes the secret without ever putting any part of it in an error message. */
function parseClientSecret(input, value) {
    const parts = value.trim().split(':');
    if (parts.length !== 4 || parts[0] !== 'secret-token' || parts[1] !== 'conductorone.com' || parts[2] !== 'v1') {
        throw new errors_InputError(input, `the value is not a C1 client secret; ${secret_EXPECTED}.`);
    }
    const encoded = parts[3] ?? '';
    if (!/^[A-Za-z0-9_-]+$/u.test(encoded))
        throw new errors_InputError(input, `the key part is not base64url; ${secret_EXPECTED}.`);
    let jwk;
    try {
        jwk = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8'));
    }
    catch {
        throw new errors_InputError(input, `the key part is not a JSON Web Key; ${secret_EXPECTED}.`);
    }
    if (!isEd25519Jwk(jwk))
        throw new errors_InputError(input, `the key is not an Ed25519 private JWK (kty OKP, crv Ed25519, x, d); ${secret_EXPECTED}.`);
    let key;
    try {
        key = (0,external_node_crypto_.createPrivateKey)({ key: { kty: 'OKP', crv: 'Ed25519', x: jwk.x, d: jwk.d }, format: 'jwk' });
    }
    catch {
        throw new errors_InputError(input, `the Ed25519 key could not be loaded; ${secret_EXPECTED}.`);
    }
    return { key, kid: typeof jwk.kid === 'string' ? jwk.kid : undefined, d: jwk.d };
}
function isEd25519Jwk(v) {
    if (typeof v !== 'object' || v === null)
        return false;
    const o = v;
    return o.kty === 'OKP' && o.crv === 'Ed25519' && typeof o.x === 'string' && typeof o.d === 'string';
}

// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __nccwpck_require__(7030);
;// CONCATENATED MODULE: ./src/config/tenant.ts


const HOST = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*(?::\d{1,5})?$/u;
const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/u;
/** parseClientId reads `<name>@<host>/<kind>`; the host is lower-cased and may carry a port. */
function parseClientId(input, value) {
    const v = value.trim();
    const expected = 'expected <name>@<host>/<kind> with kind pcc, spc or wfe, e.g. blue-whale-12345@acme.conductor.one/pcc';
    const at = v.indexOf('@');
    const slash = v.indexOf('/', at + 1);
    if (at <= 0 || slash < 0)
        throw new errors_InputError(input, `got ${errors_quote(v)}; ${expected}.`);
    const name = v.slice(0, at);
    const host = v.slice(at + 1, slash).toLowerCase();
    const kind = v.slice(slash + 1);
    // A single-label host (`x@acme/pcc`) would resolve through the runner's DNS search domain, not to C1.
    const qualified = host.split(':')[0]?.includes('.') === true || host.startsWith('localhost');
    if (!NAME.test(name) || !isHostPort(host) || !qualified || (kind !== 'pcc' && kind !== 'spc' && kind !== 'wfe')) {
        throw new errors_InputError(input, `got ${errors_quote(v)}; ${expected}.`);
    }
    return { value: v, name, host, kind };
}
function isHostPort(hostPort) {
    if (!HOST.test(hostPort))
        return false;
    const port = /:(\d+)$/u.exec(hostPort)?.[1];
    return port === undefined || (Number(port) >= 1 && Number(port) <= 65535);
}
/** isLoopback says whether a URL host name is loopback: 127.0.0.0/8, localhost or [::1]. */
function tenant_isLoopback(hostname) {
    if (hostname === 'localhost' || hostname === '[::1]')
        return true;
    return (0,external_node_net_.isIP)(hostname) === 4 && hostname.startsWith('127.');
}
/**
 * parseTenant turns `acme`, `acme.conductor.one`, `host:port` or `https://host[:port]` into a Tenant. It refuses
 * anything that could send credentials somewhere other than the named host: userinfo, paths, queries,
 * fragments, legacy IPv4 spellings the URL parser would rewrite (`127.1`, `0x7f.0.0.1`), and plain http to
 * anything but loopback.
 */
function parseTenant(input, value) {
    const v = value.trim();
    const expected = 'expected a tenant name (acme), a host (acme.conductor.one, acme.c1eu.ai) or https://host[:port]; ' + 'http:// only for loopback';
    const schemeMatch = /^([a-z][a-z0-9+.-]*):\/\//iu.exec(v);
    const scheme = schemeMatch?.[1]?.toLowerCase() ?? 'https';
    if (scheme !== 'https' && scheme !== 'http')
        throw new errors_InputError(input, `got ${errors_quote(v)}; ${expected}.`);
    const hostPort = (schemeMatch === null ? v : v.slice(schemeMatch[0].length).replace(/\/$/u, '')).toLowerCase();
    if (/[/?#@\\]/u.test(hostPort)) {
        throw new errors_InputError(input, `got ${errors_quote(v)}; a tenant cannot carry userinfo, a path, a query or a fragment.`);
    }
    const parts = /^(\[[0-9a-f:.]+\]|[^:[\]]+)(?::(\d{1,5}))?$/u.exec(hostPort);
    const port = parts?.[2];
    let host = parts?.[1] ?? '';
    // An IPv6 literal needs its scheme (https://[::1]): written bare, it reads too much like a typo.
    const literal = host.startsWith('[');
    if (parts === null ||
        (literal ? schemeMatch === null : !HOST.test(host)) ||
        (port !== undefined && !(Number(port) >= 1 && Number(port) <= 65535))) {
        throw new errors_InputError(input, `got ${errors_quote(v)}; ${expected}.`);
    }
    // A bare word is a tenant name; with a scheme, the user named the exact host.
    if (schemeMatch === null && !host.includes('.') && host !== 'localhost')
        host = `${host}.conductor.one`;
    let url;
    try {
        url = new URL(`${scheme}://${host}${port === undefined ? '' : `:${port}`}`);
    }
    catch {
        throw new errors_InputError(input, `got ${errors_quote(v)}; ${expected}.`);
    }
    if (url.hostname !== host) {
        throw new errors_InputError(input, `got ${errors_quote(v)}; ${host} is not written as a plain host name or address (it would mean ${url.hostname}).`);
    }
    if (url.protocol === 'http:' && !tenant_isLoopback(url.hostname)) {
        throw new errors_InputError(input, `got ${errors_quote(v)}; http:// is allowed only for loopback hosts (127.0.0.0/8, localhost, [::1]).`);
    }
    return { baseUrl: url.origin, hostname: url.hostname.replace(/^\[|\]$/gu, '') };
}
/** tenantFromHost makes a Tenant from the host inside a client ID (always https, port kept). */
function tenantFromHost(input, host) {
    return parseTenant(input, `https://${host}`);
}

;// CONCATENATED MODULE: ./src/config/connection.ts






/** parseConnection resolves tenant and authentication per the contract's precedence rules. */
function connection_parseConnection(read, env) {
    const token = read(names_Input.token).trim();
    const clientIdText = read(names_Input.clientId).trim();
    const secretText = read(names_Input.clientSecret).trim();
    const audienceText = read(names_Input.oidcAudience).trim();
    if (token !== '' && secretText !== '') {
        throw new errors_InputError(names_Input.clientSecret, 'cannot be combined with token (ambiguous: give one way to authenticate).');
    }
    if (secretText !== '' && clientIdText === '') {
        throw new errors_InputError(names_Input.clientSecret, 'needs client-id: the secret belongs to a client ID (<name>@<host>/pcc or /spc).');
    }
    const inputCaller = clientIdText === '' ? undefined : parseClientId(names_Input.clientId, clientIdText);
    const envCallerText = (env[Env.clientId] ?? '').trim();
    const envCaller = envCallerText === '' ? undefined : parseClientId(Env.clientId, envCallerText);
    // With no way at all to authenticate, say that first: it is the root cause, and a missing tenant follows from it.
    if (token === '' && inputCaller === undefined && envCaller === undefined && (env[Env.accessToken] ?? '').trim() === '')
        throw noAuth();
    const tenant = resolveTenant(read(names_Input.tenant).trim(), inputCaller, envCaller, env);
    const oidc = (caller, from) => {
        if (env.ACTIONS_ID_TOKEN_REQUEST_URL === undefined || env.ACTIONS_ID_TOKEN_REQUEST_TOKEN === undefined) {
            throw new errors_InputError(from, `${caller.value} is a workload federation (wfe) client ID, which needs a GitHub OIDC token, but ` +
                'ACTIONS_ID_TOKEN_REQUEST_URL/ACTIONS_ID_TOKEN_REQUEST_TOKEN are not set: add `permissions: id-token: write` to the job.');
        }
        return { kind: 'oidc', caller, audience: audienceText === '' ? tenant.hostname : audienceText };
    };
    const withSecret = (caller, callerFrom, secret, secretFrom) => {
        if (caller.kind === 'wfe') {
            if (secret !== '')
                throw new errors_InputError(secretFrom, `is not used with a workload federation (wfe) client ID (${caller.value}); remove it.`);
            return oidc(caller, callerFrom);
        }
        if (secret === '') {
            throw new errors_InputError(secretFrom, `is required with a ${caller.kind} client ID (${caller.value}).`);
        }
        return { kind: 'assertion', caller, secret: parseClientSecret(secretFrom, secret) };
    };
    let auth;
    if (token !== '') {
        // The caller (for `self`) is the client-id input, else the environment's, as the contract's `self` says.
        auth = { kind: 'token', token, caller: inputCaller ?? envCaller };
    }
    else if (inputCaller !== undefined) {
        auth = withSecret(inputCaller, names_Input.clientId, secretText, names_Input.clientSecret);
    }
    else if ((env[Env.accessToken] ?? '').trim() !== '') {
        auth = { kind: 'token', token: (env[Env.accessToken] ?? '').trim(), caller: envCaller };
    }
    else if (envCaller !== undefined) {
        auth = withSecret(envCaller, Env.clientId, (env[Env.clientSecret] ?? '').trim(), Env.clientSecret);
    }
    else {
        throw noAuth();
    }
    const caller = auth.caller;
    const warnings = caller !== undefined && new URL(`https://${caller.host}`).hostname !== tenant.hostname
        ? [`The tenant ${tenant.hostname} is not the host of client ID ${caller.value}: check that both name the same C1 tenant.`]
        : [];
    return {
        tenant,
        auth,
        warnings,
        retryMaxAttempts: lists_parseInteger(names_Input.retryMaxAttempts, read(names_Input.retryMaxAttempts), 1, 10, names_Defaults.retryMaxAttempts),
        requestTimeoutMs: parseTimeout(read(names_Input.requestTimeout))
    };
}
function noAuth() {
    return new errors_InputError(names_Input.token, 'no way to authenticate: give token, or client-id with client-secret (pcc/spc), or a wfe client-id with ' +
        '`permissions: id-token: write`; or set CONDUCTORONE_ACCESS_TOKEN, or CONDUCTORONE_CLIENT_ID with CONDUCTORONE_CLIENT_SECRET.');
}
function parseTimeout(value) {
    if (value.trim() === '')
        return names_Defaults.requestTimeoutMs;
    const ms = durations_parseDuration(names_Input.requestTimeout, value);
    if (ms > 300_000)
        throw new errors_InputError(names_Input.requestTimeout, `got ${value.trim()}; expected at most 5m.`);
    return ms;
}
function resolveTenant(tenant, inputCaller, envCaller, env) {
    if (tenant !== '')
        return parseTenant(names_Input.tenant, tenant);
    if (inputCaller !== undefined)
        return tenantFromHost(names_Input.clientId, inputCaller.host);
    const serverUrl = (env[Env.serverUrl] ?? '').trim();
    if (serverUrl !== '')
        return parseTenant(Env.serverUrl, serverUrl);
    const domain = (env[Env.tenantDomain] ?? '').trim();
    if (domain !== '')
        return parseTenant(Env.tenantDomain, domain);
    if (envCaller !== undefined)
        return tenantFromHost(Env.clientId, envCaller.host);
    throw new errors_InputError(names_Input.tenant, 'could not tell which tenant to use: give tenant (acme, acme.conductor.one or https://host), or a client-id, ' +
        'or set CONDUCTORONE_SERVER_URL, CONDUCTORONE_TENANT_DOMAIN or CONDUCTORONE_CLIENT_ID.');
}

;// CONCATENATED MODULE: ./src/config/inputs.ts








const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:[Zz]|[+-]\d{2}:\d{2})$/u;
/** parseConfig turns every input of the main step into one Config, or throws the first InputError. */
function parseConfig(read, env, now) {
    const connection = parseConnection(read, env);
    const cidrMode = parseChoice(Input.cidrMode, read(Input.cidrMode), ['replace', 'add', 'remove'], 'replace');
    const allowSourceCidr = parseCidrRequest(read(Input.allowSourceCidr));
    const displayName = optional(read(Input.displayName));
    const scopedRoles = parseRoles(read(Input.scopedRoles));
    const expiresTime = parseExpiry(read(Input.expiresTime), read(Input.expiresIn), now);
    const refreshWithinMs = parseRefreshWithin(read(Input.refreshWithin), expiresTime);
    const allowUnrestricted = parseBoolean(Input.allowUnrestricted, read(Input.allowUnrestricted), false);
    const given = [];
    if (displayName !== undefined)
        given.push('displayName');
    if (scopedRoles !== undefined)
        given.push('scopedRoles');
    if (allowSourceCidr !== undefined)
        given.push('allowSourceCidr');
    if (expiresTime !== undefined)
        given.push('expiresTime');
    const mask = parseMask(read(Input.updateMask), given);
    if (cidrMode !== 'replace' && allowSourceCidr === undefined) {
        throw new InputError(Input.cidrMode, `${cidrMode} needs allow-source-cidr: the CIDRs to ${cidrMode}.`);
    }
    if (mask.includes('allowSourceCidr') && allowSourceCidr === undefined && !allowUnrestricted) {
        throw new InputError(Input.updateMask, 'lists allowSourceCidr without allow-source-cidr, which clears the list, and C1 reads an empty list as ' +
            '"allow from anywhere"; set allow-unrestricted: true if that is really meant.');
    }
    const runnerIp = parseRunnerIp(read, connection.requestTimeoutMs);
    const cleanup = parseChoice(Input.cleanup, read(Input.cleanup), ['none', 'restore', 'lock'], 'none');
    const warnings = [...connection.warnings];
    if (allowSourceCidr?.runner !== true && runnerInputsChanged(read, runnerIp)) {
        warnings.push("runner-ip inputs are set to other than their defaults but allow-source-cidr does not use 'runner'; they have no effect.");
    }
    if (cleanup !== 'none' && connection.auth.kind === 'token') {
        warnings.push(`cleanup: ${cleanup} runs at the end of the job with the same access token, which fails if the job outlives it; ` +
            'client-id with client-secret, or a wfe client-id, lets the post step mint a fresh one.');
    }
    return {
        ...connection,
        target: parseTarget(read(Input.personalClientId), connection),
        displayName,
        scopedRoles,
        allowSourceCidr,
        cidrMode,
        allowUnrestricted,
        expiresTime,
        refreshWithinMs,
        mask,
        runnerIp,
        cleanup,
        lockCidr: parseLockCidr(read(Input.lockCidr)),
        dryRun: parseBoolean(Input.dryRun, read(Input.dryRun), false),
        jobSummary: parseBoolean(Input.jobSummary, read(Input.jobSummary), true),
        warnings
    };
}
/**
 * parseCleanupConfig reads the inputs the post step needs. Not parseConfig: by the end of the job an
 * `expires-time` may no longer be in the future, and the post step must still lock.
 */
function parseCleanupConfig(read, env) {
    const connection = connection_parseConnection(read, env);
    return {
        ...connection,
        target: parseTarget(read(names_Input.personalClientId), connection),
        lockCidr: parseLockCidr(read(names_Input.lockCidr)),
        allowUnrestricted: lists_parseBoolean(names_Input.allowUnrestricted, read(names_Input.allowUnrestricted), false),
        jobSummary: lists_parseBoolean(names_Input.jobSummary, read(names_Input.jobSummary), true)
    };
}
function optional(value) {
    const v = value.trim();
    return v === '' ? undefined : v;
}
/** parseTarget reads `personal-client-id`; `self` needs the caller's pcc client ID. */
function parseTarget(value, connection) {
    const v = value.trim();
    if (v === '') {
        throw new errors_InputError(names_Input.personalClientId, 'is required: the credential id (blue-whale-12345), its full client ID, or self.');
    }
    if (v === 'self') {
        const caller = connection.auth.caller;
        if (caller === undefined) {
            throw new errors_InputError(names_Input.personalClientId, 'self needs to know the caller: give client-id (or set CONDUCTORONE_CLIENT_ID) with the personal (pcc) client ID in use.');
        }
        if (caller.kind !== 'pcc') {
            throw new errors_InputError(names_Input.personalClientId, `self means the caller's own personal credential, but the caller ${caller.value} is of kind ${caller.kind}, not pcc.`);
        }
        return { kind: 'clientId', clientId: caller.value };
    }
    if (v.includes('@')) {
        const parsed = parseClientId(names_Input.personalClientId, v);
        if (parsed.kind !== 'pcc') {
            throw new errors_InputError(names_Input.personalClientId, `got ${errors_quote(v)}; a personal client ID ends in /pcc.`);
        }
        return { kind: 'clientId', clientId: parsed.value };
    }
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/u.test(v)) {
        throw new errors_InputError(names_Input.personalClientId, `got ${errors_quote(v)}; expected an id such as blue-whale-12345, a client ID, or self.`);
    }
    return { kind: 'id', id: v };
}
function parseRoles(value) {
    const roles = unique(parseList(value));
    for (const role of roles) {
        if (!/^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/u.test(role)) {
            throw new InputError(Input.scopedRoles, `got ${quote(role)}; expected role IDs (letters, digits, . _ : -).`);
        }
    }
    return roles.length === 0 ? undefined : roles;
}
/** parseCidrList reads a list of CIDRs or IPs, deduplicated, with the 32-entry limit checked on the inputs. */
function parseCidrList(input, items) {
    const cidrs = cidr_unique(items.map((item) => parseCidr(input, item)));
    if (cidrs.length > names_Defaults.maxCidrs) {
        throw new errors_InputError(input, `holds ${cidrs.length} CIDRs; C1 allows at most ${names_Defaults.maxCidrs}.`);
    }
    return cidrs;
}
function parseCidrRequest(value) {
    const items = parseList(value);
    if (items.length === 0)
        return undefined;
    const runner = items.some((i) => i.toLowerCase() === 'runner');
    return {
        cidrs: parseCidrList(Input.allowSourceCidr, items.filter((i) => i.toLowerCase() !== 'runner')),
        runner
    };
}
function parseLockCidr(value) {
    const items = lists_parseList(value);
    if (items.length === 0)
        return [names_Defaults.lockCidr];
    if (items.some((i) => i.toLowerCase() === 'runner')) {
        throw new errors_InputError(names_Input.lockCidr, "cannot hold 'runner': a lock must not depend on where the job ran.");
    }
    return parseCidrList(names_Input.lockCidr, items);
}
function parseExpiry(timeText, inText, now) {
    const time = timeText.trim();
    const inValue = inText.trim();
    if (time !== '' && inValue !== '')
        throw new InputError(Input.expiresIn, 'cannot be combined with expires-time; give one.');
    if (inValue !== '')
        return new Date(now.getTime() + parseDuration(Input.expiresIn, inValue));
    if (time === '')
        return undefined;
    const at = RFC3339.test(time) && isRealDateTime(time) ? new Date(time) : undefined;
    if (at === undefined || Number.isNaN(at.getTime())) {
        throw new InputError(Input.expiresTime, `got ${quote(time)}; expected RFC 3339 such as 2027-01-31T00:00:00Z.`);
    }
    if (at.getTime() <= now.getTime())
        throw new InputError(Input.expiresTime, `got ${time}, which is not in the future.`);
    return at;
}
/** isRealDateTime refuses dates that `new Date` would silently roll over (2027-02-30, 24:00:00). */
function isRealDateTime(text) {
    const [year, month, day, hour, minute, second] = (text.match(/\d+/gu) ?? []).map(Number);
    if (year === undefined || month === undefined || day === undefined || hour === undefined || minute === undefined || second === undefined)
        return false;
    const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
    return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth && hour <= 23 && minute <= 59 && second <= 59;
}
function parseRefreshWithin(value, expiresTime) {
    if (value.trim() === '')
        return undefined;
    const ms = parseDuration(Input.refreshWithin, value);
    if (expiresTime === undefined)
        throw new InputError(Input.refreshWithin, 'needs expires-time or expires-in: the expiry to refresh to.');
    return ms;
}
function parseMask(value, given) {
    const names = parseList(value);
    if (names.length === 0) {
        if (given.length === 0) {
            throw new InputError(Input.updateMask, 'nothing to change: give at least one of display-name, scoped-roles, allow-source-cidr, expires-time or expires-in (or update-mask to clear a field).');
        }
        return [...given];
    }
    const mask = [];
    for (const name of names) {
        const field = FIELDS.find((f) => f === name);
        if (field === undefined) {
            const camel = name.replace(/_([a-z])/gu, (_m, c) => c.toUpperCase());
            const hint = FIELDS.some((f) => f === camel) ? ` (C1 wants lowerCamelCase: ${camel})` : '';
            throw new InputError(Input.updateMask, `got unknown field ${quote(name)}${hint}; expected some of ${FIELDS.join(', ')}.`);
        }
        if (!mask.includes(field))
            mask.push(field);
    }
    for (const field of given) {
        if (!mask.includes(field)) {
            throw new InputError(Input.updateMask, `leaves out ${field}, whose input is given; add it to the mask or drop the input.`);
        }
    }
    return mask;
}
/**
 * runnerInputsChanged says whether a runner-IP input asks for something other than its default. The runner
 * passes every declared input with its default filled in, so presence cannot tell what the workflow gave.
 */
function runnerInputsChanged(read, parsed) {
    return (parsed.given !== undefined ||
        read(Input.runnerIpSources).trim() !== '' ||
        parsed.version !== 'ipv4' ||
        parsed.quorum !== Defaults.quorum ||
        parsed.ipv4Prefix !== Defaults.ipv4Prefix ||
        parsed.ipv6Prefix !== Defaults.ipv6Prefix);
}
function parseRunnerIp(read, requestTimeoutMs) {
    const version = parseChoice(Input.runnerIpVersion, read(Input.runnerIpVersion), ['ipv4', 'ipv6', 'both'], 'ipv4');
    const givenItems = parseList(read(Input.runnerIp));
    const given = givenItems.length === 0
        ? undefined
        : givenItems
            .map((item) => {
            const address = parseAddress(item);
            if (address === undefined)
                throw new InputError(Input.runnerIp, `got ${quote(item)}; expected IP addresses such as 203.0.113.7 or 2001:db8::7.`);
            return address;
        })
            .filter((address, i, all) => all.findIndex((a) => a.text === address.text) === i);
    // Deduplicated after normalising, so the same URL written two ways (case, trailing slash) cannot vote twice.
    const sourceItems = unique(parseList(read(Input.runnerIpSources)).map(parseSource));
    const sources = sourceItems.length > 0
        ? sourceItems
        : version === 'ipv4'
            ? [...Defaults.ipv4Sources]
            : version === 'ipv6'
                ? [...Defaults.ipv6Sources]
                : [...Defaults.ipv4Sources, ...Defaults.ipv6Sources];
    const quorumText = read(Input.runnerIpQuorum);
    const quorum = parseInteger(Input.runnerIpQuorum, quorumText, 1, 100, Defaults.quorum);
    if (quorum > sources.length) {
        throw new InputError(Input.runnerIpQuorum, `is ${quorum} but there ${sources.length === 1 ? 'is 1 source' : `are ${sources.length} sources`}; ` +
            'give more runner-ip-sources, or set runner-ip-quorum: 1 to trust a single source.');
    }
    return {
        given,
        sources,
        version,
        quorum,
        ipv4Prefix: parseInteger(Input.runnerIpv4Prefix, read(Input.runnerIpv4Prefix), 1, 32, Defaults.ipv4Prefix),
        ipv6Prefix: parseInteger(Input.runnerIpv6Prefix, read(Input.runnerIpv6Prefix), 1, 128, Defaults.ipv6Prefix),
        timeoutMs: Math.min(Defaults.detectTimeoutCapMs, requestTimeoutMs)
    };
}
function parseSource(item) {
    if (item.toLowerCase() === 'c1')
        return 'c1';
    let url;
    try {
        url = new URL(item);
    }
    catch {
        url = undefined;
    }
    const loopback = url !== undefined && isLoopback(url.hostname);
    if (url === undefined ||
        url.username !== '' ||
        url.password !== '' ||
        !(url.protocol === 'https:' || (url.protocol === 'http:' && loopback))) {
        throw new InputError(Input.runnerIpSources, `got ${quote(item)}; expected https:// URLs (http:// only for loopback) or the word c1.`);
    }
    return url.href;
}

;// CONCATENATED MODULE: ./src/plan/update.ts




/**
 * planUpdate decides the Update from the config and the credential as read: which fields, which values, and
 * what to undo. It is pure, so every rule here is tested table-driven, and it throws (before anything is sent)
 * when the result would break a guard: an empty CIDR list, more than 32 CIDRs, or a restore to allow-all.
 */
function planUpdate({ config, current, runnerCidrs, now }) {
    const notices = [];
    const changes = [];
    for (const field of config.mask) {
        const before = current === undefined ? undefined : currentValue(current, field);
        if (field === 'expiresTime' && config.refreshWithinMs !== undefined) {
            const skip = refreshSkipReason(config.expiresTime, current, config.refreshWithinMs, now);
            if (skip !== undefined) {
                notices.push(`expiresTime left as it is: ${skip}.`);
                continue;
            }
        }
        const after = field === 'allowSourceCidr' ? plannedCidrs(config, before, runnerCidrs) : plannedValue(config, field);
        if (before !== undefined && sameValue(field, before, after))
            continue;
        changes.push({ field, before, after });
    }
    const cidr = changes.find((c) => c.field === 'allowSourceCidr');
    const cidrBefore = asList(cidr?.before);
    const cidrAfter = asList(cidr?.after);
    if (cidr !== undefined &&
        config.cleanup === 'restore' &&
        cidr.before !== undefined &&
        cidrBefore.length === 0 &&
        !config.allowUnrestricted) {
        throw new InputError(Input.cleanup, 'restore would put back an empty allowSourceCidr at the end of the job, and C1 reads an empty list as ' +
            '"allow from anywhere"; use cleanup: lock, or set allow-unrestricted: true if that is really meant.');
    }
    const client = {};
    for (const change of changes)
        update_assign(client, change.field, change.after);
    return {
        mask: changes.map((c) => c.field),
        client,
        changes,
        notices,
        undo: {
            cidrMode: config.cidrMode,
            changes,
            cidrsAdded: cidr === undefined ? [] : cidrAfter.filter((c) => !cidrBefore.includes(c)),
            cidrsRemoved: cidr === undefined || cidr.before === undefined ? [] : cidrBefore.filter((c) => !cidrAfter.includes(c))
        }
    };
}
/**
 * needsRead is the contract's rule for reading the credential first: only when something needs its current
 * value. Otherwise the Update is the one and only call.
 */
function needsRead(config) {
    return (config.target.kind === 'clientId' ||
        config.cidrMode !== 'replace' ||
        config.refreshWithinMs !== undefined ||
        config.cleanup === 'restore' ||
        config.dryRun);
}
function plannedValue(config, field) {
    switch (field) {
        case 'displayName':
            return config.displayName ?? '';
        case 'scopedRoles':
            return config.scopedRoles ?? [];
        case 'expiresTime':
            return config.expiresTime?.toISOString() ?? null;
    }
}
function plannedCidrs(config, before, runnerCidrs) {
    const requested = unique([...(config.allowSourceCidr?.cidrs ?? []), ...runnerCidrs]);
    if (requested.length > Defaults.maxCidrs) {
        throw new InputError(Input.allowSourceCidr, `with the runner's address holds ${requested.length} CIDRs; C1 allows at most ${Defaults.maxCidrs}.`);
    }
    const existing = asList(before);
    const list = config.cidrMode === 'add'
        ? unique([...existing, ...requested])
        : config.cidrMode === 'remove'
            ? existing.filter((c) => !requested.includes(c))
            : requested;
    if (list.length > Defaults.maxCidrs) {
        throw new InputError(Input.allowSourceCidr, `adding to the ${existing.length} CIDRs the credential holds gives ${list.length}; C1 allows at most ${Defaults.maxCidrs}.`);
    }
    if (list.length === 0 && !config.allowUnrestricted) {
        throw new InputError(Input.allowSourceCidr, `this ${config.cidrMode} would leave allowSourceCidr empty, and C1 reads an empty list as "allow from anywhere"; ` +
            'set allow-unrestricted: true if that is really meant.');
    }
    return list;
}
function refreshSkipReason(target, current, windowMs, now) {
    const raw = current?.expiresTime;
    if (raw === undefined || raw === null || raw === '')
        return 'the credential has no expiry';
    const expires = Date.parse(raw);
    if (Number.isNaN(expires))
        return `C1 holds an expiry that is not a date (${raw})`;
    if (expires - now.getTime() > windowMs)
        return `it expires at ${raw}, more than ${formatDuration(windowMs)} from now`;
    if (target !== undefined && target.getTime() <= expires)
        return `the new expiry ${target.toISOString()} is not later than ${raw}`;
    return undefined;
}
/** currentValue reads a field of the credential as read, in the plan's canonical form. */
function currentValue(client, field) {
    switch (field) {
        case 'displayName':
            return client.displayName ?? '';
        case 'scopedRoles':
            return [...(client.scopedRoles ?? [])];
        case 'allowSourceCidr':
            return cidr_unique((client.allowSourceCidr ?? []).map(normaliseExisting));
        case 'expiresTime':
            return client.expiresTime === undefined || client.expiresTime === '' ? null : client.expiresTime;
    }
}
/** sameValue compares as C1 means it: lists as sets, expiries as instants. */
function sameValue(field, a, b) {
    if (Array.isArray(a) || Array.isArray(b)) {
        const x = new Set(asList(a));
        const y = new Set(asList(b));
        return x.size === y.size && [...x].every((v) => y.has(v));
    }
    if (field === 'expiresTime' && typeof a === 'string' && typeof b === 'string')
        return Date.parse(a) === Date.parse(b);
    return a === b;
}
/** show renders a field's value for a log line: (none) for no expiry, (empty) for an empty text or list. */
function update_show(value) {
    if (value === null)
        return '(none)';
    if (typeof value === 'string')
        return value === '' ? '(empty)' : value;
    return value.length === 0 ? '(empty)' : value.join(', ');
}
function asList(value) {
    return Array.isArray(value) ? [...value] : [];
}
/** assign puts a planned value into the Update body under its field name. */
function update_assign(client, field, value) {
    switch (field) {
        case 'displayName':
            client.displayName = typeof value === 'string' ? value : '';
            break;
        case 'scopedRoles':
            client.scopedRoles = asList(value);
            break;
        case 'allowSourceCidr':
            client.allowSourceCidr = asList(value);
            break;
        case 'expiresTime':
            client.expiresTime = typeof value === 'string' ? value : null;
            break;
    }
}

;// CONCATENATED MODULE: ./src/runner/report.ts

/** Output names, exactly as `action.yml` declares them. */
const Output = {
    id: 'id',
    clientId: 'client-id',
    displayName: 'display-name',
    expiresTime: 'expires-time',
    allowSourceCidr: 'allow-source-cidr',
    scopedRoles: 'scoped-roles',
    previousAllowSourceCidr: 'previous-allow-source-cidr',
    previousExpiresTime: 'previous-expires-time',
    runnerIp: 'runner-ip',
    updateMask: 'update-mask',
    updated: 'updated',
    client: 'client'
};
/** outputs gives every output of the contract; values a step does not know are empty strings. */
function outputs(o) {
    return {
        [Output.id]: o.id,
        [Output.clientId]: o.after.clientId ?? o.before?.clientId ?? '',
        [Output.displayName]: o.after.displayName ?? '',
        [Output.expiresTime]: o.after.expiresTime ?? '',
        [Output.allowSourceCidr]: (o.after.allowSourceCidr ?? []).join(','),
        [Output.scopedRoles]: (o.after.scopedRoles ?? []).join(','),
        [Output.previousAllowSourceCidr]: o.before === undefined ? '' : (o.before.allowSourceCidr ?? []).join(','),
        [Output.previousExpiresTime]: o.before?.expiresTime ?? '',
        [Output.runnerIp]: o.runnerIp?.addresses.join(',') ?? '',
        [Output.updateMask]: o.plan.mask.join(','),
        [Output.updated]: String(o.updated),
        [Output.client]: JSON.stringify(o.after)
    };
}
/** changeLines says what changed, one line per field, for `::notice::` annotations. */
function changeLines(o) {
    const verb = o.dryRun ? 'would change' : 'changed';
    return o.plan.changes.map((c) => `Personal client '${o.id}' ${verb} ${c.field}: ${c.before === undefined ? '(not read)' : show(c.before)} → ${show(c.after)}`);
}
/** summary renders the job summary: a heading naming the credential, a before/after table, and what comes next. */
function summary(o, runLink) {
    const lines = [`### ConductorOne personal client \`${cell(o.id)}\``, ''];
    if (o.plan.changes.length === 0) {
        lines.push('Nothing to send: no field needed changing.', '');
    }
    else {
        lines.push('| field | before | after |', '| --- | --- | --- |');
        for (const c of o.plan.changes) {
            lines.push(`| ${c.field} | ${c.before === undefined ? '_not read_' : code(c.before)} | ${code(c.after)} |`);
        }
        lines.push('');
    }
    for (const notice of o.plan.notices)
        lines.push(`- ${cell(notice)}`);
    if (o.runnerIp !== undefined) {
        const agreed = o.runnerIp.agreements.map((a) => `${code(a.address)} (agreed: ${a.sources.map(cell).join(', ')})`);
        lines.push(`- Runner IP: ${agreed.length > 0 ? agreed.join('; ') : `${o.runnerIp.addresses.map(code).join(', ')} (given as runner-ip)`}`);
        if (o.runnerIp.answers !== '')
            lines.push(`- Sources asked: ${cell(o.runnerIp.answers)}`);
    }
    if (o.dryRun)
        lines.push('- Dry run: no Update was sent.');
    else if (o.updated)
        lines.push(`- Updated by ${runLink ?? 'this workflow run'}.`);
    lines.push(`- Post step: ${cleanupText(o)}`);
    return `${lines.join('\n')}\n`;
}
/** postSummary renders what the post step did, with the same escaping as the main summary. */
function postSummary(id, verb, changes) {
    const rows = changes.map((c) => `| ${c.field} | ${code(c.after)} |`);
    return [`### Post step: ${verb} personal client \`${cell(id)}\``, '', '| field | now |', '| --- | --- |', ...rows, ''].join('\n');
}
function cleanupText(o) {
    if (o.dryRun)
        return 'nothing (dry run).';
    if (o.cleanup === 'lock')
        return `locks allowSourceCidr to ${o.lockCidr.map(code).join(', ')}.`;
    if (o.cleanup === 'restore')
        return o.updated ? "restores this run's change." : 'nothing to restore.';
    return 'nothing (cleanup: none).';
}
/** cell keeps a value from breaking the table: pipes escaped, line breaks flattened. */
function cell(text) {
    return text.replace(/[\r\n]+/gu, ' ').replace(/\|/gu, '\\|');
}
function code(value) {
    const text = Array.isArray(value) ? (asList(value).length === 0 ? '(empty)' : asList(value).join(', ')) : update_show(value);
    return `\`${cell(text).replace(/`/gu, "'")}\``;
}

;// CONCATENATED MODULE: ./src/c1/resolve.ts
/**
 * resolveTarget finds the credential: an `id` is used as is (and read with Get only when `read` is set); a full
 * client ID is looked up through List, every page, whose record already holds the current values.
 */
async function resolveTarget(client, target, read) {
    if (target.kind === 'id')
        return { id: target.id, current: read ? await client.get(target.id) : undefined };
    const wanted = target.clientId.toLowerCase();
    let pageToken = '';
    let pages = 0;
    const seen = new Set();
    do {
        const page = await client.listPage(pageToken, target.clientId);
        const found = page.list.find((c) => c.clientId?.toLowerCase() === wanted);
        if (found !== undefined) {
            if (found.id === undefined || found.id === '')
                throw new Error(`C1 listed personal client ${target.clientId} without an id.`);
            return { id: found.id, current: found };
        }
        pageToken = page.nextPageToken;
        pages++;
        // A server that hands back a token it gave before would page forever.
        if (seen.has(pageToken))
            throw new Error(`C1 List of personal clients repeated a page token after ${pages} pages.`);
        seen.add(pageToken);
    } while (pageToken !== '');
    throw new Error(`Personal client ${target.clientId} was not found among the caller's personal clients (List, ${pages} page${pages === 1 ? '' : 's'}). ` +
        'List shows only the credentials of the user the token belongs to.');
}

// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __nccwpck_require__(7067);
var external_node_http_default = /*#__PURE__*/__nccwpck_require__.n(external_node_http_);
;// CONCATENATED MODULE: external "node:https"
const external_node_https_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");
var external_node_https_default = /*#__PURE__*/__nccwpck_require__.n(external_node_https_namespaceObject);
// EXTERNAL MODULE: ../../main/node_modules/@actions/http-client/lib/proxy.js
var proxy = __nccwpck_require__(4689);
;// CONCATENATED MODULE: ./src/net/http.ts



/** TimeoutError marks a request that ran out of time, which the retry policy treats like a network error. */
class TimeoutError extends Error {
    constructor(timeoutMs) {
        super(`no complete answer within ${timeoutMs / 1000} s`);
        this.name = 'TimeoutError';
    }
}
// Bodies past this are not C1 answers; reading them whole would only cost memory.
const MAX_BODY = 4 * 1024 * 1024;
/**
 * createTransport sends requests with Node's own http/https, which gives a true total timeout and cancellation
 * (http-client's request API can do neither). Which requests go through a proxy is `@actions/http-client`'s
 * decision (`https_proxy`, `no_proxy`, loopback always direct), and a proxied request uses its tunnelling
 * agent; the client itself is loaded only then, since it brings undici, about 50 ms of start-up.
 */
function createTransport(userAgent) {
    const direct = { http: new (external_node_http_default()).Agent({ keepAlive: true }), https: new (external_node_https_default()).Agent({ keepAlive: true }) };
    // One HttpClient per protocol: each caches the first agent it makes, and an http.Agent cannot carry https.
    let proxied;
    const agentFor = async (url) => {
        const secure = url.protocol === 'https:';
        if ((0,proxy/* getProxyUrl */.s)(url) === undefined)
            return secure ? direct.https : direct.http;
        proxied ??= __nccwpck_require__.e(/* import() */ 585).then(__nccwpck_require__.bind(__nccwpck_require__, 8585)).then(({ HttpClient: Client }) => ({
            http: new Client(userAgent, [], { keepAlive: true }),
            https: new Client(userAgent, [], { keepAlive: true })
        }));
        const clients = await proxied;
        return (secure ? clients.https : clients.http).getAgent(url.href);
    };
    return async (request) => {
        const url = new URL(request.url);
        const agent = await agentFor(url);
        return new Promise((resolve, reject) => {
            const timeout = AbortSignal.timeout(request.timeoutMs);
            const signal = request.signal === undefined ? timeout : AbortSignal.any([timeout, request.signal]);
            const headers = { 'user-agent': userAgent, ...request.headers };
            if (request.body !== undefined)
                headers['content-length'] = String(Buffer.byteLength(request.body));
            const options = { method: request.method, headers, agent, signal };
            const module = url.protocol === 'https:' ? (external_node_https_default()) : (external_node_http_default());
            const req = module.request(url, options, (res) => {
                const chunks = [];
                let size = 0;
                res.on('data', (chunk) => {
                    size += chunk.length;
                    if (size > MAX_BODY) {
                        req.destroy(new Error(`answer larger than ${MAX_BODY} bytes`));
                        return;
                    }
                    chunks.push(chunk);
                });
                res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
                res.on('error', (error) => reject(toError(error, timeout, request.timeoutMs)));
            });
            req.on('error', (error) => reject(toError(error, timeout, request.timeoutMs)));
            req.end(request.body);
        });
    };
}
function toError(error, timeout, timeoutMs) {
    return timeout.aborted ? new TimeoutError(timeoutMs) : error;
}

;// CONCATENATED MODULE: ./src/c1/auth.ts


const b64 = (value) => Buffer.from(value).toString('base64url');
/**
 * buildAssertion signs the client-credentials JWT exactly as C1's SDKs do: EdDSA, a random 16-byte hex `nonce`
 * in the protected header (and `kid` only when the JWK has one), `iss` = `sub` = the client ID, `aud` = the
 * tenant host without port, and a ±120 s validity window (C1 wants `exp` within five minutes).
 */
function buildAssertion(caller, secret, audience, now) {
    const header = { alg: 'EdDSA', nonce: (0,external_node_crypto_.randomBytes)(16).toString('hex') };
    if (secret.kid !== undefined)
        header.kid = secret.kid;
    const iat = Math.floor(now.getTime() / 1000);
    const claims = { iss: caller.value, sub: caller.value, aud: audience, iat, nbf: iat - 120, exp: iat + 120 };
    const signingInput = `${b64(JSON.stringify(header))}.${b64(JSON.stringify(claims))}`;
    return `${signingInput}.${b64((0,external_node_crypto_.sign)(null, Buffer.from(signingInput), secret.key))}`;
}
/** tokenRequest builds the token-endpoint form for an auth mode that mints its own token. */
async function tokenRequest(auth, tenantHost, deps) {
    if (auth.kind === 'assertion') {
        const assertion = buildAssertion(auth.caller, auth.secret, tenantHost, deps.now());
        deps.mask(assertion);
        return {
            what: 'the client credentials',
            form: {
                client_id: auth.caller.value,
                grant_type: 'client_credentials',
                client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
                client_assertion: assertion
            }
        };
    }
    let subjectToken;
    try {
        subjectToken = await deps.getIdToken(auth.audience);
    }
    catch (error) {
        throw new Error(`Could not get a GitHub OIDC token for audience '${auth.audience}': ${messageOf(error)}`);
    }
    deps.mask(subjectToken);
    return {
        what: 'the GitHub OIDC token exchange',
        form: {
            grant_type: 'urn:ietf:params:oauth:grant-type:token-exchange',
            subject_token: subjectToken,
            subject_token_type: 'urn:ietf:params:oauth:token-type:jwt',
            client_id: auth.caller.value
        }
    };
}

;// CONCATENATED MODULE: ./src/c1/retry.ts
const RETRYABLE_STATUSES = new Set([429, 500, 502, 503, 504]);
const BASE_MS = 500;
const CAP_MS = 10_000;
const RETRY_AFTER_CAP_MS = 30_000;
/** backoffMs is full jitter: a random wait up to min(10 s, 0.5 s × 2^(attempt − 1)). */
function backoffMs(attempt, random) {
    return Math.floor(random() * Math.min(CAP_MS, BASE_MS * 2 ** (attempt - 1)));
}
/** parseRetryAfter reads `Retry-After` as seconds or an HTTP date, capped at 30 s; undefined when absent or bad. */
function parseRetryAfter(value, now) {
    if (value === undefined || value.trim() === '')
        return undefined;
    const v = value.trim();
    let ms;
    if (/^\d+$/u.test(v))
        ms = Number(v) * 1000;
    else if (!/^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/u.test(v))
        return undefined;
    else {
        const at = Date.parse(v);
        if (Number.isNaN(at))
            return undefined;
        ms = Math.max(0, at - now.getTime());
    }
    return Math.min(RETRY_AFTER_CAP_MS, ms);
}
const realSleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

;// CONCATENATED MODULE: ./src/c1/credentials.ts

/** collectionPath is the List/Create path of an owner. */
function collectionPath(owner) {
    if (owner.kind === 'pcc')
        return '/api/v1/iam/personal_clients';
    if (owner.servicePrincipalId === '')
        throw new Error('internal: empty service principal id');
    return `/api/v1/service_principals/${encodeURIComponent(owner.servicePrincipalId)}/credentials`;
}
/** credentialPath is the Get/Delete path of one credential; an empty id would name the collection. */
function credentialPath(ref) {
    if (ref.id === '')
        throw new Error('internal: empty credential id');
    return `${collectionPath(ref)}/${encodeURIComponent(ref.id)}`;
}
/** describe names a credential in messages: "personal client 'blue-whale'" or "service principal credential 'x' of 'sp'". */
function describe(ref) {
    return ref.kind === 'pcc'
        ? `personal client '${ref.id}'`
        : `service principal credential '${ref.id}' (service principal '${ref.servicePrincipalId}')`;
}
/** createBody is Create's request for a kind: spc says allowSourceCidrs, pcc allowSourceCidr; both say scopedRoles. */
function createBody(owner, fields) {
    const cidrs = [...fields.allowSourceCidr];
    return {
        displayName: fields.displayName,
        ...(owner.kind === 'pcc' ? { allowSourceCidr: cidrs } : { allowSourceCidrs: cidrs }),
        scopedRoles: [...fields.scopedRoles],
        expires: fields.expires
    };
}
/**
 * toRecord reads one credential as C1 sent it, checking the types of the fields the rotation relies on;
 * undefined when it is not a credential with an id and a client ID.
 */
function toRecord(owner, raw) {
    if (!isObject(raw) || typeof raw.id !== 'string' || raw.id === '' || typeof raw.clientId !== 'string' || raw.clientId === '') {
        return undefined;
    }
    const spc = owner.kind === 'spc';
    const cidrs = spc ? raw.allowSourceCidrs : raw.allowSourceCidr;
    const roles = spc ? raw.scopedRoleIds : raw.scopedRoles;
    const expires = spc ? raw.expiresAt : raw.expiresTime;
    if (!isStringListOrNull(cidrs) || !isStringListOrNull(roles) || !isStringOrNull(expires) || !isStringOrNull(raw.createdAt)) {
        return undefined;
    }
    return {
        ref: { ...owner, id: raw.id },
        clientId: raw.clientId,
        displayName: typeof raw.displayName === 'string' ? raw.displayName : '',
        allowSourceCidr: cidrs ?? null,
        scopedRoles: roles ?? null,
        expiresTime: expires ?? null,
        createdAt: raw.createdAt ?? null,
        requireDpop: raw.requireDpop === true
    };
}
/** expectRecord reads the credential a Get or Create answered with, or fails naming the call. */
function expectRecord(owner, what, raw) {
    const record = toRecord(owner, raw);
    if (record === undefined)
        throw new C1Error(`C1 ${what} answered 200 without a usable credential: ${excerpt(JSON.stringify(raw))}.`, 200, false);
    return record;
}
function isObject(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function isStringListOrNull(v) {
    return v === undefined || v === null || (Array.isArray(v) && v.every((item) => typeof item === 'string'));
}
function isStringOrNull(v) {
    return v === undefined || v === null || typeof v === 'string';
}

;// CONCATENATED MODULE: ./src/c1/client.ts






/**
 * C1Client is the one place that talks to C1: it builds URLs and headers, mints and renews the access token,
 * applies the timeout and the retry policy, and turns failures into messages that name the operation.
 */
class C1Client {
    options;
    token;
    constructor(options) {
        this.options = options;
    }
    /** accessToken gives the bearer token: the given one, or one minted once per step and shared by all calls. */
    accessToken() {
        const auth = this.options.auth;
        if (auth.kind === 'token')
            return Promise.resolve(auth.token);
        this.token ??= this.mint(auth);
        return this.token;
    }
    async mint(auth) {
        const request = await tokenRequest(auth, this.options.tenant.hostname, this.options.tokenDeps);
        const body = await this.call({ what: `token request with ${request.what}`, method: 'POST', path: '/auth/v1/token', form: request.form, bearer: false }, request.what);
        const token = client_isObject(body) && typeof body.access_token === 'string' && body.access_token !== '' ? body.access_token : undefined;
        if (token === undefined) {
            throw new C1Error(`C1's token endpoint answered without an access_token for ${request.what}.`, 200, false);
        }
        this.options.tokenDeps.mask(token);
        return token;
    }
    /**
     * mintOnce asks the token endpoint, once and without retries, for a token with a credential's own key (not
     * the caller's): verification proves that C1 accepts that credential from here. The token is masked and
     * thrown away; nothing is thrown, the caller judges the attempt.
     */
    async mintOnce(clientId, secret) {
        const assertion = buildAssertion(clientId, secret, this.options.tenant.hostname, this.options.tokenDeps.now());
        this.options.tokenDeps.mask(assertion);
        const form = {
            client_id: clientId.value,
            grant_type: 'client_credentials',
            client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
            client_assertion: assertion
        };
        const started = Date.now();
        let response;
        try {
            response = await this.send({ what: 'verification token request', method: 'POST', path: '/auth/v1/token', form, bearer: false }, undefined);
        }
        catch (error) {
            return { kind: 'network', message: describeNetworkError(error) };
        }
        this.options.debug(`POST /auth/v1/token (verification) → ${response.status} in ${Date.now() - started} ms`);
        let parsed;
        try {
            parsed = JSON.parse(response.body);
        }
        catch {
            parsed = undefined;
        }
        if (response.status >= 200 && response.status < 300) {
            const token = client_isObject(parsed) && typeof parsed.access_token === 'string' && parsed.access_token !== '' ? parsed.access_token : undefined;
            if (token === undefined)
                return { kind: 'refused', status: response.status, oauthError: undefined, message: 'an answer without an access_token' };
            this.options.tokenDeps.mask(token);
            return { kind: 'accepted' };
        }
        return {
            kind: 'refused',
            status: response.status,
            oauthError: client_isObject(parsed) && typeof parsed.error === 'string' ? parsed.error : undefined,
            message: `${statusText(response.status)}: ${bodyMessage(response.body)}`
        };
    }
    /** listPage reads one page of the caller's personal clients, looking for the one a client ID names. */
    async listPage(pageToken, lookingFor) {
        const query = pageToken === '' ? '' : `?pageToken=${encodeURIComponent(pageToken)}`;
        const what = `List of personal clients (looking for ${lookingFor})`;
        const body = await this.call({ what, method: 'GET', path: `/api/v1/iam/personal_clients${query}`, bearer: true });
        const list = client_isObject(body) ? body.list : undefined;
        if (!client_isObject(body) || !(list === undefined || list === null || (Array.isArray(list) && list.every(client_isObject)))) {
            throw new C1Error(`C1 ${what} answered 200 with a body that is not a list.`, 200, false);
        }
        return {
            list: list ?? [],
            nextPageToken: typeof body.nextPageToken === 'string' ? body.nextPageToken : ''
        };
    }
    /** get reads one credential by its id. */
    async get(id) {
        const what = `Get of personal client '${id}'`;
        return expectClient(what, await this.call({ what, method: 'GET', path: clientPath(id), bearer: true }));
    }
    /**
     * update sets the masked fields. Update is idempotent (it sets named fields to given values), so the retry
     * policy may safely send it again after a timeout or a 5xx whose outcome is unknown.
     */
    async update(id, client, mask) {
        const what = `Update of personal client '${id}' (fields ${mask.join(', ')})`;
        const body = await this.call({
            what,
            method: 'POST',
            path: clientPath(id),
            json: { client, updateMask: mask.join(',') },
            bearer: true
        });
        return expectClient(what, body);
    }
    /**
     * testSourceIp asks C1 which address it sees this request come from: once, for runner-IP detection, within
     * the detection timeout, token included.
     */
    async testSourceIp(once) {
        const what = 'test-source-ip';
        const deadline = AbortSignal.timeout(once.timeoutMs);
        const signal = AbortSignal.any([once.signal, deadline]);
        let body;
        try {
            body = await this.call({
                what,
                method: 'POST',
                path: '/api/v1/settings/session/test-source-ip',
                json: {},
                bearer: true,
                once: { ...once, signal }
            });
        }
        catch (error) {
            if (deadline.aborted && !once.signal.aborted)
                throw new TimeoutError(once.timeoutMs);
            throw error;
        }
        if (!client_isObject(body) || typeof body.checkedIp !== 'string')
            throw new C1Error(`C1's ${what} answered without checkedIp.`, 200, false);
        return body.checkedIp;
    }
    // ——— Rotation (the rotate action): introspect, and Get/List/Create/Delete of pcc and spc credentials. ———
    /** introspect asks C1 who the caller is; for a token minted by an spc credential, `userId` is its service principal. */
    async introspect() {
        const what = 'introspect';
        const body = await this.call({ what, method: 'GET', path: '/api/v1/auth/introspect', bearer: true });
        if (!client_isObject(body) || typeof body.userId !== 'string' || body.userId === '') {
            throw new C1Error(`C1 ${what} answered without a userId: ${excerpt(JSON.stringify(body))}.`, 200, false);
        }
        return { userId: body.userId };
    }
    /** readCredential reads one pcc or spc credential by its id. */
    async readCredential(ref) {
        const what = `Get of ${describe(ref)}`;
        const body = await this.call({ what, method: 'GET', path: credentialPath(ref), bearer: true });
        return expectRecord(ref, what, client_isObject(body) ? (ref.kind === 'pcc' ? body.client : body.credential) : undefined);
    }
    /** credentialPage reads one page of an owner's credentials; records that are not credentials are skipped. */
    async credentialPage(owner, pageToken) {
        const query = pageToken === '' ? '' : `?pageToken=${encodeURIComponent(pageToken)}`;
        const what = owner.kind === 'pcc' ? 'List of personal clients' : `ListCredentials of service principal '${owner.servicePrincipalId}'`;
        const body = await this.call({ what, method: 'GET', path: `${collectionPath(owner)}${query}`, bearer: true });
        const list = client_isObject(body) ? body.list : undefined;
        if (!client_isObject(body) || !(list === undefined || list === null || Array.isArray(list))) {
            throw new C1Error(`C1 ${what} answered 200 with a body that is not a list.`, 200, false);
        }
        return {
            list: (list ?? []).flatMap((raw) => toRecord(owner, raw) ?? []),
            nextPageToken: typeof body.nextPageToken === 'string' ? body.nextPageToken : ''
        };
    }
    /**
     * createCredential sends a Create once: it is not idempotent, so only a 429 (nothing was created) is sent
     * again. The new secret is masked (whole, key part, JWK `d`) before anything else is done with the answer.
     * A C1Error with `maybeApplied` means the outcome is unknown: a credential may exist that nobody holds.
     */
    async createCredential(owner, fields) {
        const what = `Create of a ${owner.kind === 'pcc' ? 'personal client' : `credential of service principal '${owner.servicePrincipalId}'`}`;
        const call = { what, method: 'POST', path: collectionPath(owner), json: createBody(owner, fields), bearer: true, single: true };
        let body;
        for (let attempt = 1;; attempt++) {
            try {
                body = await this.call(call);
                break;
            }
            catch (error) {
                if (!(error instanceof C1Error) || error.status !== 429 || error.maybeApplied || attempt >= this.options.retry.maxAttempts)
                    throw error;
                await this.wait(attempt, this.options.retry.maxAttempts, statusText(429), undefined);
            }
        }
        const secretText = client_isObject(body) && typeof body.clientSecret === 'string' ? body.clientSecret : '';
        if (secretText !== '') {
            this.options.tokenDeps.mask(secretText);
            const keyPart = secretText.split(':')[3];
            if (keyPart !== undefined && keyPart !== '')
                this.options.tokenDeps.mask(keyPart);
        }
        let secret;
        try {
            secret = secretText === '' ? undefined : parseClientSecret('clientSecret', secretText);
        }
        catch {
            secret = undefined;
        }
        if (secret !== undefined)
            this.options.tokenDeps.mask(secret.d);
        const record = client_isObject(body) ? toRecord(owner, owner.kind === 'pcc' ? body.client : body.credential) : undefined;
        if (record === undefined || secret === undefined) {
            // C1 answered 200, so something may have been created, but without what is needed to use it.
            throw new C1Error(`C1 ${what} answered 200 without ${record === undefined ? 'the new credential' : 'a usable client secret'}.`, 200, false, true);
        }
        return { record, secret, secretText };
    }
    /** revokeCredential deletes a credential; 404 means it is already gone. `revoked` says which it was. */
    async revokeCredential(ref) {
        const what = `Delete of ${describe(ref)}`;
        try {
            await this.call({ what, method: 'DELETE', path: credentialPath(ref), json: {}, bearer: true });
            return 'revoked';
        }
        catch (error) {
            if (error instanceof C1Error && error.status === 404)
                return 'already gone';
            throw error;
        }
    }
    async call(call, tokenWhat) {
        const outcome = { uncertain: false };
        try {
            return await this.attempt(call, tokenWhat, outcome);
        }
        catch (error) {
            // An Update whose earlier attempt timed out may have been applied, whatever the last attempt said.
            if (outcome.uncertain && error instanceof C1Error && !error.maybeApplied) {
                throw new C1Error(error.message, error.status, error.retryable, true);
            }
            throw error;
        }
    }
    async attempt(call, tokenWhat, outcome) {
        const maxAttempts = call.once === undefined && call.single !== true ? this.options.retry.maxAttempts : 1;
        let renewed = false;
        for (let attempt = 1;; attempt++) {
            // Minting fails with its own message and its own retries; only the transport's errors are retried here.
            const minted = call.bearer ? this.accessToken() : undefined;
            const bearer = call.once === undefined ? await minted : await untilAborted(minted, call.once.signal);
            const started = Date.now();
            let response;
            try {
                response = await this.send(call, bearer);
            }
            catch (error) {
                if (call.once?.signal.aborted === true)
                    throw error;
                outcome.uncertain = true;
                this.options.debug(`${call.method} ${call.path} failed after ${Date.now() - started} ms`);
                const reason = describeNetworkError(error);
                if (isTlsFailure(error)) {
                    // A certificate that does not verify will not verify on the next attempt either.
                    throw new C1Error(`C1 ${call.what} failed: ${reason}. If a proxy or gateway re-signs TLS, give its CA in NODE_EXTRA_CA_CERTS.`, undefined, false);
                }
                if (attempt >= maxAttempts) {
                    throw new C1Error(`C1 ${call.what} failed${attempts(attempt)}: ${reason}.`, undefined, true);
                }
                await this.wait(attempt, maxAttempts, reason, undefined);
                continue;
            }
            this.options.debug(`${call.method} ${call.path} → ${response.status} in ${Date.now() - started} ms`);
            if (response.status >= 200 && response.status < 300)
                return parseJson(call.what, response.body);
            if (response.status >= 500)
                outcome.uncertain = true;
            if (response.status === 401 && call.bearer) {
                if (this.options.auth.kind === 'token') {
                    throw new C1Error(`C1 ${call.what} failed: the access token was rejected (expired or revoked?): ${statusText(401)}: ${bodyMessage(response.body)}`, 401, false);
                }
                if (!renewed) {
                    // A minted token can expire or be revoked mid-step: mint once more and try again, once.
                    renewed = true;
                    // Only the first of several calls refused with the same token mints anew; the others share it.
                    if (this.token === minted)
                        this.token = undefined;
                    attempt--;
                    continue;
                }
            }
            const retryable = RETRYABLE_STATUSES.has(response.status);
            if (retryable && attempt < maxAttempts) {
                const retryAfter = parseRetryAfter(headerValue(response.headers['retry-after']), this.options.tokenDeps.now());
                await this.wait(attempt, maxAttempts, statusText(response.status), retryAfter);
                continue;
            }
            // Only a 4xx from the token endpoint is C1 rejecting the credentials; a 5xx or 429 is C1 failing.
            const message = tokenWhat !== undefined && response.status < 500 && response.status !== 429
                ? `C1 rejected ${tokenWhat}: ${bodyMessage(response.body)} (${statusText(response.status)})${attempts(attempt)}.`
                : `C1 ${call.what} failed${attempts(attempt)}: ${statusText(response.status)}: ${bodyMessage(response.body)}`;
            throw new C1Error(message, response.status, retryable);
        }
    }
    send(call, bearer) {
        const headers = { accept: 'application/json' };
        let body;
        if (call.json !== undefined) {
            headers['content-type'] = 'application/json';
            body = JSON.stringify(call.json);
        }
        else if (call.form !== undefined) {
            headers['content-type'] = 'application/x-www-form-urlencoded';
            body = new URLSearchParams(call.form).toString();
        }
        if (bearer !== undefined)
            headers.authorization = `Bearer ${bearer}`;
        return this.options.transport({
            method: call.method,
            url: `${this.options.tenant.baseUrl}${call.path}`,
            headers,
            ...(body === undefined ? {} : { body }),
            timeoutMs: call.once?.timeoutMs ?? this.options.timeoutMs,
            ...(call.once === undefined ? {} : { signal: call.once.signal })
        });
    }
    async wait(attempt, maxAttempts, reason, retryAfterMs) {
        const ms = retryAfterMs ?? backoffMs(attempt, this.options.retry.random);
        this.options.retry.log(`attempt ${attempt + 1} of ${maxAttempts} after ${reason}, waiting ${(ms / 1000).toFixed(1)} s`);
        await this.options.retry.sleep(ms);
    }
}
/** untilAborted waits for a promise, or rejects as soon as the signal aborts. */
function untilAborted(promise, signal) {
    if (promise === undefined)
        return Promise.resolve(undefined);
    signal.throwIfAborted();
    return new Promise((resolve, reject) => {
        const abort = () => reject(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
        signal.addEventListener('abort', abort, { once: true });
        promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
    });
}
/** clientPath refuses an empty id: C1 answers a trailing-slash path with a redirect to the collection. */
function clientPath(id) {
    if (id === '')
        throw new Error('internal: empty personal client id');
    return `/api/v1/iam/personal_clients/${encodeURIComponent(id)}`;
}
function attempts(n) {
    return n > 1 ? ` after ${n} attempts` : '';
}
function headerValue(v) {
    return Array.isArray(v) ? v[0] : v;
}
function client_isObject(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function parseJson(what, body) {
    try {
        return JSON.parse(body);
    }
    catch {
        throw new C1Error(`C1 ${what} answered 200 with something that is not JSON: ${excerpt(body)}.`, 200, false);
    }
}
function expectClient(what, body) {
    if (!client_isObject(body) || !client_isObject(body.client)) {
        throw new C1Error(`C1 ${what} answered 200 without a client: ${excerpt(JSON.stringify(body))}.`, 200, false);
    }
    return body.client;
}
function isTlsFailure(error) {
    const code = error?.code ?? '';
    return /CERT|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)|ERR_TLS/u.test(code);
}
function describeNetworkError(error) {
    if (error instanceof Error) {
        const code = error.code;
        return code === undefined ? error.message : `${code} (${error.message})`;
    }
    return String(error);
}

;// CONCATENATED MODULE: ./src/flows/session.ts


/** maskSecretInputs masks every secret input before anything could echo one, before any parsing even. */
function maskSecretInputs(rt) {
    const secrets = [rt.read(names_Input.token), rt.read(names_Input.clientSecret), rt.env[Env.accessToken] ?? '', rt.env[Env.clientSecret] ?? ''];
    for (const secret of secrets.map((s) => s.trim()).filter((s) => s !== '')) {
        rt.setSecret(secret);
        // The key part of a client secret is a secret on its own, should anything quote it alone.
        const keyPart = secret.split(':')[3];
        if (secret.startsWith('secret-token:') && keyPart !== undefined && keyPart !== '')
            rt.setSecret(keyPart);
    }
}
/**
 * openClient masks what the parsed connection adds (the JWK's private `d`) and builds the one C1 client both
 * steps use, from the connection settings and the runtime.
 */
function openClient(connection, rt) {
    if (connection.auth.kind === 'assertion')
        rt.setSecret(connection.auth.secret.d);
    return new C1Client({
        tenant: connection.tenant,
        auth: connection.auth,
        transport: rt.transport,
        timeoutMs: connection.requestTimeoutMs,
        retry: { maxAttempts: connection.retryMaxAttempts, sleep: rt.sleep, random: rt.random, log: rt.log.info },
        tokenDeps: { now: rt.now, getIdToken: rt.getIdToken, mask: rt.setSecret },
        debug: rt.log.debug
    });
}

;// CONCATENATED MODULE: ./src/runner/state.ts

/** State keys, shared by both steps: the runner hands main's `GITHUB_STATE` to post as `STATE_<key>`. */
const StateKey = {
    validated: 'validated',
    cleanup: 'cleanup',
    dryRun: 'dry-run',
    id: 'id',
    undo: 'undo',
    outcome: 'outcome'
};
/** RunState writes main's record step by step, so what a cancelled main already did is on disk. */
class RunState {
    store;
    constructor(store) {
        this.store = store;
    }
    validated(cleanup, dryRun) {
        this.store.save(StateKey.cleanup, cleanup);
        this.store.save(StateKey.dryRun, String(dryRun));
        this.store.save(StateKey.outcome, 'unsent');
        this.store.save(StateKey.validated, 'true');
    }
    resolved(id) {
        this.store.save(StateKey.id, id);
    }
    /** planned records what restore must undo; called before the Update is sent. */
    planned(undo) {
        this.store.save(StateKey.undo, JSON.stringify(undo));
    }
    outcome(outcome) {
        this.store.save(StateKey.outcome, outcome);
    }
}
const OUTCOMES = ['unsent', 'sent', 'accepted', 'rejected', 'unchanged'];
/** readSavedRun reads main's record; anything missing or malformed reads as "main did not validate". */
function readSavedRun(store) {
    const cleanup = store.get(StateKey.cleanup);
    const outcome = store.get(StateKey.outcome);
    const undoText = store.get(StateKey.undo);
    let undo;
    try {
        const parsed = undoText === '' ? undefined : JSON.parse(undoText);
        undo = isUndo(parsed) ? parsed : undefined;
    }
    catch {
        undo = undefined;
    }
    const id = store.get(StateKey.id);
    return {
        validated: store.get(StateKey.validated) === 'true' && (cleanup === 'none' || cleanup === 'restore' || cleanup === 'lock'),
        cleanup: cleanup === 'restore' || cleanup === 'lock' ? cleanup : 'none',
        dryRun: store.get(StateKey.dryRun) === 'true',
        id: id === '' ? undefined : id,
        undo,
        outcome: OUTCOMES.find((o) => o === outcome) ?? 'unsent'
    };
}
/** isUndo checks the shape of a saved Undo: state is plain text another step wrote, so it is checked, not trusted. */
function isUndo(value) {
    if (typeof value !== 'object' || value === null)
        return false;
    const o = value;
    const strings = (v) => Array.isArray(v) && v.every((x) => typeof x === 'string');
    return ((o.cidrMode === 'replace' || o.cidrMode === 'add' || o.cidrMode === 'remove') &&
        strings(o.cidrsAdded) &&
        strings(o.cidrsRemoved) &&
        Array.isArray(o.changes) &&
        o.changes.every((c) => typeof c === 'object' && c !== null && names_FIELDS.some((f) => f === c.field)));
}

;// CONCATENATED MODULE: ./src/plan/undo.ts


/**
 * planRestore undoes exactly this run's change against the credential as read now: after `add` it removes
 * only the CIDRs this run added, after `remove` it adds back what it removed, and for a replaced list or any
 * other field it puts back the old value only while the credential still holds what this run set (otherwise
 * someone changed it since, and their change wins, with a warning). Pure, like the main plan.
 */
function planRestore(undo, current) {
    const warnings = [];
    const changes = [];
    for (const change of undo.changes) {
        const now = currentValue(current, change.field);
        let target;
        if (change.field === 'allowSourceCidr' && undo.cidrMode !== 'replace') {
            const list = asList(now);
            target = undo.cidrMode === 'add' ? list.filter((c) => !undo.cidrsAdded.includes(c)) : cidr_unique([...list, ...undo.cidrsRemoved]);
        }
        else if (change.before === undefined) {
            warnings.push(`${change.field}: the value before this run is not known, so it cannot be put back.`);
            continue;
        }
        else if (sameValue(change.field, now, change.after)) {
            target = change.before;
        }
        else if (sameValue(change.field, now, change.before)) {
            // Already as before this run: the Update did not take effect (an unknown outcome) or was undone.
            continue;
        }
        else {
            warnings.push(`${change.field} was changed by someone else since this run set it; left as it is (${update_show(now)}).`);
            continue;
        }
        if (sameValue(change.field, now, target))
            continue;
        changes.push({ field: change.field, before: now, after: target });
    }
    const client = {};
    for (const c of changes)
        update_assign(client, c.field, c.after);
    return { mask: changes.map((c) => c.field), client, changes, warnings };
}

;// CONCATENATED MODULE: ./src/flows/cleanup.ts








/**
 * cleanup is the post step: read what main saved, authenticate afresh from the inputs (main's token may have
 * expired, and tokens are never saved), then undo this run's change or lock the credential. Any failure on
 * the way says loudly that the credential may still be open, and what it holds as far as is known.
 */
async function cleanup(rt) {
    maskSecretInputs(rt);
    const saved = readSavedRun(rt.state);
    const skip = skipReason(saved);
    if (skip !== undefined) {
        rt.log.info(`Post step: nothing to do: ${skip}.`);
        return;
    }
    const config = parseCleanupConfig(rt.read, rt.env);
    const client = openClient(config, rt);
    let holds = mainLeft(saved);
    try {
        // A main that failed before it resolved the id (a List error, say) still gets its lock.
        const id = saved.id ?? (await resolveTarget(client, config.target, false)).id;
        if (saved.cleanup === 'lock') {
            await lock(rt, client, config, id);
        }
        else {
            const current = await client.get(id);
            holds = cleanup_describe(current);
            await restore(rt, client, config, id, saved, current);
        }
    }
    catch (error) {
        throw new Error(`Post step: the ${saved.cleanup} of personal client '${saved.id ?? (config.target.kind === 'id' ? config.target.id : config.target.clientId)}' failed, so the credential may still be open: ` +
            `it holds ${holds}. Fix it by hand in C1. Cause: ${messageOf(error)}`);
    }
}
function skipReason(saved) {
    if (!saved.validated)
        return 'the main step did not validate its inputs, so it changed nothing';
    if (saved.dryRun)
        return 'the main step was a dry run';
    if (saved.cleanup === 'none')
        return 'cleanup is none';
    if (saved.cleanup === 'restore' && (saved.outcome === 'unsent' || saved.outcome === 'unchanged' || saved.undo === undefined)) {
        return 'the main step sent no Update, so there is nothing of this run to undo';
    }
    if (saved.cleanup === 'restore' && saved.outcome === 'rejected')
        return "C1 rejected the main step's Update, so there is nothing of this run to undo";
    return undefined;
}
async function lock(rt, client, config, id) {
    const after = await client.update(id, { allowSourceCidr: [...config.lockCidr] }, ['allowSourceCidr']);
    rt.log.notice(`Post step: locked personal client '${id}': allowSourceCidr is now ${(after.allowSourceCidr ?? []).join(', ')}.`);
    if (config.jobSummary)
        await rt.writeSummary(postSummary(id, 'Locked', [{ field: 'allowSourceCidr', before: undefined, after: config.lockCidr }]));
}
async function restore(rt, client, config, id, saved, current) {
    if (saved.undo === undefined)
        return;
    const plan = planRestore(saved.undo, current);
    for (const warning of plan.warnings)
        rt.log.warning(`Post step: ${warning}`);
    if (plan.mask.length === 0) {
        const why = saved.outcome === 'sent' ? "the main step's Update did not take effect, or was already undone" : 'already as before this run';
        rt.log.info(`Post step: personal client '${id}' has nothing of this run to undo (${why}).`);
        return;
    }
    const cidrs = plan.changes.find((c) => c.field === 'allowSourceCidr');
    if (cidrs !== undefined && asList(cidrs.after).length === 0 && !config.allowUnrestricted) {
        throw new Error('restoring would leave allowSourceCidr empty (allow from anywhere); refused. Use cleanup: lock, or allow-unrestricted: true.');
    }
    await client.update(id, plan.client, plan.mask);
    rt.log.notice(`Post step: restored personal client '${id}': ${plan.mask.join(', ')} put back as before this run.`);
    if (config.jobSummary)
        await rt.writeSummary(postSummary(id, 'Restored', plan.changes));
}
/** mainLeft says what the main step left in allowSourceCidr, as far as its saved record tells. */
function mainLeft(saved) {
    const set = saved.undo?.changes.find((c) => c.field === 'allowSourceCidr');
    if (set === undefined || saved.outcome === 'unsent' || saved.outcome === 'rejected')
        return 'what it held before this job';
    const list = `allowSourceCidr [${asList(set.after).join(', ')}]`;
    return saved.outcome === 'accepted' ? list : `${list}, if the main step's Update took effect`;
}
function cleanup_describe(client) {
    const list = client.allowSourceCidr ?? [];
    return list.length === 0 ? 'an empty allowSourceCidr (allow from anywhere)' : `allowSourceCidr [${list.join(', ')}]`;
}

;// CONCATENATED MODULE: ./src/runner/text.ts
/**
 * neutralise makes a log line safe to write whatever it quotes (C1's answers, echo services, saved state,
 * inputs): the runner reads any stdout line that starts with `::` as a workflow command, and its legacy parser
 * acts on `##[` anywhere in a line. Line breaks and other control characters are shown as escapes, so quoted
 * text can never start a line of its own; a leading `::` and every `##[` lose their meaning.
 */
function neutralise(line) {
    const flat = line.replace(/[\u0000-\u0008\u000a-\u001f\u007f\u0085\u2028\u2029]/gu, (c) => {
        if (c === '\n')
            return '\\n';
        if (c === '\r')
            return '\\r';
        return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
    });
    return flat.replace(/##\[/gu, '# #[').replace(/^(\s*):/u, '$1: ');
}

;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
;// CONCATENATED MODULE: ./src/runner/workflow.ts



/**
 * The runner's workflow commands, as `@actions/core` writes them: inputs from `INPUT_*`, outputs and state
 * through the `GITHUB_OUTPUT`/`GITHUB_STATE` files in heredoc form, `::command::` lines on stdout, the step
 * summary file. Kept here, in a few lines, because importing `@actions/core` also loads its OIDC client and
 * with it undici, about 0.9 MB and 50 ms of every start (see docs/performance.md); `@actions/core` itself is
 * loaded only for `getIDToken`, on the keyless path.
 */
/** getInput reads an input as the runner passes it: `INPUT_<NAME>`, spaces as `_`, hyphens kept, trimmed. */
function getInput(name) {
    return (process.env[`INPUT_${name.replace(/ /gu, '_').toUpperCase()}`] ?? '').trim();
}
/** getState reads what the main step saved, as the runner hands it to the post step. */
function getState(name) {
    return process.env[`STATE_${name}`] ?? '';
}
function setOutput(name, value) {
    fileCommand('GITHUB_OUTPUT', 'set-output', name, value);
}
function saveState(name, value) {
    fileCommand('GITHUB_STATE', 'save-state', name, value);
}
/** setSecret masks a value in every later log line (`::add-mask::`); each line of a multi-line value apart. */
function setSecret(secret) {
    for (const line of secret.split(/\r?\n/u))
        if (line !== '')
            command('add-mask', line);
}
function info(line) {
    process.stdout.write(`${line}${external_node_os_namespaceObject.EOL}`);
}
function debug(line) {
    command('debug', line);
}
function notice(line) {
    command('notice', line);
}
function warning(line) {
    command('warning', line);
}
/** setFailed writes the error annotation and makes the step fail. */
function setFailed(message) {
    process.exitCode = 1;
    command('error', message);
}
/** appendSummary adds Markdown to the job's step summary. */
function appendSummary(markdown) {
    const file = process.env.GITHUB_STEP_SUMMARY;
    if (file === undefined || file === '')
        throw new Error('GITHUB_STEP_SUMMARY is not set: no job summary is written.');
    (0,external_node_fs_namespaceObject.appendFileSync)(file, markdown, 'utf8');
}
function command(name, message) {
    process.stdout.write(`::${name}::${escapeData(message)}${external_node_os_namespaceObject.EOL}`);
}
function escapeData(text) {
    return text.replace(/%/gu, '%25').replace(/\r/gu, '%0D').replace(/\n/gu, '%0A');
}
/**
 * fileCommand appends `name<<DELIM`, the value, `DELIM` to the runner's file, with a random delimiter the value
 * cannot contain; without the file (an old runner), the legacy `::set-output`/`::save-state` command.
 */
function fileCommand(variable, legacy, name, value) {
    const file = process.env[variable];
    if (file === undefined || file === '') {
        process.stdout.write(`::${legacy} name=${escapeProperty(name)}::${escapeData(value)}${external_node_os_namespaceObject.EOL}`);
        return;
    }
    if (!(0,external_node_fs_namespaceObject.existsSync)(file))
        throw new Error(`${variable} names a file that does not exist: ${file}`);
    const delimiter = `ghadelimiter_${(0,external_node_crypto_.randomUUID)()}`;
    if (name.includes(delimiter) || value.includes(delimiter))
        throw new Error(`Unexpected delimiter in ${name}`);
    (0,external_node_fs_namespaceObject.appendFileSync)(file, `${name}<<${delimiter}${external_node_os_namespaceObject.EOL}${value}${external_node_os_namespaceObject.EOL}${delimiter}${external_node_os_namespaceObject.EOL}`, 'utf8');
}
function escapeProperty(text) {
    return escapeData(text).replace(/:/gu, '%3A').replace(/,/gu, '%2C');
}

;// CONCATENATED MODULE: ./src/runner/wiring.ts





const USER_AGENT = 'c1-credential-leash-action/1';
// Every value masked so far. A message C1 sends back may quote one (an echoed header, say): the runner would
// mask it on display, but it must not be written to the log at all.
const secrets = new Set();
function wiring_setSecret(secret) {
    secrets.add(secret);
    setSecret(secret);
}
/** redact replaces every masked value in a message before it is written anywhere. */
function redact(message) {
    let out = message;
    for (const secret of [...secrets].sort((a, b) => b.length - a.length))
        out = out.split(secret).join('***');
    return out;
}
/** coreRuntime wires the runner's workflow commands, the real clock and the proxy-aware transport into a Runtime. */
function coreRuntime() {
    return {
        read: getInput,
        env: process.env,
        now: () => new Date(),
        transport: createTransport(USER_AGENT),
        sleep: realSleep,
        random: Math.random,
        state: { save: saveState, get: getState },
        log: {
            info: (line) => info(neutralise(redact(line))),
            notice: (line) => notice(neutralise(redact(line))),
            warning: (line) => warning(neutralise(redact(line))),
            debug: (line) => debug(neutralise(redact(line)))
        },
        setSecret: wiring_setSecret,
        setOutput: setOutput,
        writeSummary: (markdown) => {
            // A missing or unwritable summary file must not fail a step whose change already went through.
            try {
                appendSummary(markdown);
            }
            catch (error) {
                warning(redact(`Could not write the job summary: ${messageOf(error)}`));
            }
            return Promise.resolve();
        },
        // Loaded only on the keyless path: @actions/core brings its OIDC client, and undici with it.
        getIdToken: async (audience) => (await Promise.all(/* import() */[__nccwpck_require__.e(585), __nccwpck_require__.e(317)]).then(__nccwpck_require__.bind(__nccwpck_require__, 8317))).getIDToken(audience),
        runLink: () => {
            // The run's address from the variables @actions/github's context reads itself: importing that package
            // (and undici with it) for three variables cost 80-150 ms per step (docs/performance.md).
            const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repository, GITHUB_RUN_ID: runId } = process.env;
            if (server === undefined || server === '' || repository === undefined || repository === '' || runId === undefined || runId === '') {
                return Promise.resolve(undefined);
            }
            return Promise.resolve(`[workflow run ${runId}](${server}/${repository}/actions/runs/${runId})`);
        }
    };
}
/** fail reports any error, of any type, as the step's failure. */
function fail(error) {
    setFailed(neutralise(redact(messageOf(error))));
}
/**
 * onCancel makes a cancelled step (SIGINT, then SIGTERM from the runner) end at once with a clear line. What
 * main saved for the post step is already on disk: state is appended synchronously before each Update.
 */
function onCancel(step) {
    for (const signal of ['SIGINT', 'SIGTERM']) {
        process.once(signal, () => {
            setFailed(step === 'main'
                ? `The main step was cancelled (${signal}); the post step still runs its cleanup, if one is set.`
                : `The post step was cancelled (${signal}) before it finished: the credential may still be open; check it in C1.`);
            process.exit(1);
        });
    }
}

;// CONCATENATED MODULE: ./src/post.ts


onCancel('post');
cleanup(coreRuntime()).then(() => process.exit(), (error) => {
    fail(error);
    process.exit();
});


//# sourceMappingURL=index.js.map