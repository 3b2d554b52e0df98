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

;// CONCATENATED MODULE: ./src/c1/verify.ts
const FIRST_DELAY_MS = 500;
const MAX_DELAY_MS = 5_000;
// How C1 refuses a source address at the token endpoint is not documented: these OAuth errors may be it.
const RETRIED_OAUTH_ERRORS = new Set(['invalid_client', 'invalid_grant', 'unauthorized_client', 'access_denied']);
/** verifyDelayMs is the wait before attempt `attempt + 1`: 0.5 s doubling, at most 5 s apart. */
function verifyDelayMs(attempt) {
    return Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** (attempt - 1));
}
/**
 * worthRetrying says whether a refused mint may succeed later: a changed list or a new credential can take a
 * while to apply, so 401, 403, 429, 5xx, network errors and the OAuth refusals above are retried; any other
 * answer (a malformed request, say) will not change by waiting.
 */
function worthRetrying(attempt) {
    if (attempt.kind !== 'refused')
        return attempt.kind === 'network';
    const { status, oauthError } = attempt;
    if (status === 401 || status === 403 || status === 429 || status >= 500)
        return true;
    return status === 400 && oauthError !== undefined && RETRIED_OAUTH_ERRORS.has(oauthError);
}
/**
 * mintUntilAccepted proves that C1 accepts a credential from this runner by minting a token with it, again and
 * again with backoff until one is accepted or `timeoutMs` has passed. The tokens are masked and thrown away.
 */
async function mintUntilAccepted(client, credential, timeoutMs, deps) {
    const started = deps.clock();
    for (let attempt = 1;; attempt++) {
        const result = await client.mintOnce(credential.clientId, credential.secret);
        const elapsed = deps.clock() - started;
        if (result.kind === 'accepted')
            return { accepted: true, afterMs: elapsed, attempts: attempt };
        const last = result.message;
        if (!worthRetrying(result))
            return { accepted: false, afterMs: elapsed, attempts: attempt, last, final: true };
        const wait = verifyDelayMs(attempt);
        if (elapsed + wait > timeoutMs)
            return { accepted: false, afterMs: elapsed, attempts: attempt, last, final: false };
        deps.log(`verification attempt ${attempt} refused (${last}); trying again in ${(wait / 1000).toFixed(1)} s`);
        await deps.sleep(wait);
    }
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
const names_FIELDS = (/* unused pure expression or super */ null && (['displayName', 'scopedRoles', 'allowSourceCidr', 'expiresTime']));
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
function formatDuration(ms) {
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
        throw new errors_InputError(input, `got ${errors_quote(value.trim())}; expected one of ${choices.join(', ')}.`);
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
function tenant_parseClientId(input, value) {
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
    const inputCaller = clientIdText === '' ? undefined : tenant_parseClientId(names_Input.clientId, clientIdText);
    const envCallerText = (env[Env.clientId] ?? '').trim();
    const envCaller = envCallerText === '' ? undefined : tenant_parseClientId(Env.clientId, envCallerText);
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

// EXTERNAL MODULE: ../../main/node_modules/ipaddr.js/lib/ipaddr.js
var ipaddr = __nccwpck_require__(194);
var ipaddr_default = /*#__PURE__*/__nccwpck_require__.n(ipaddr);
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
    const connection = parseConnection(read, env);
    return {
        ...connection,
        target: parseTarget(read(Input.personalClientId), connection),
        lockCidr: parseLockCidr(read(Input.lockCidr)),
        allowUnrestricted: parseBoolean(Input.allowUnrestricted, read(Input.allowUnrestricted), false),
        jobSummary: parseBoolean(Input.jobSummary, read(Input.jobSummary), true)
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
        throw new InputError(Input.personalClientId, 'is required: the credential id (blue-whale-12345), its full client ID, or self.');
    }
    if (v === 'self') {
        const caller = connection.auth.caller;
        if (caller === undefined) {
            throw new InputError(Input.personalClientId, 'self needs to know the caller: give client-id (or set CONDUCTORONE_CLIENT_ID) with the personal (pcc) client ID in use.');
        }
        if (caller.kind !== 'pcc') {
            throw new InputError(Input.personalClientId, `self means the caller's own personal credential, but the caller ${caller.value} is of kind ${caller.kind}, not pcc.`);
        }
        return { kind: 'clientId', clientId: caller.value };
    }
    if (v.includes('@')) {
        const parsed = parseClientId(Input.personalClientId, v);
        if (parsed.kind !== 'pcc') {
            throw new InputError(Input.personalClientId, `got ${quote(v)}; a personal client ID ends in /pcc.`);
        }
        return { kind: 'clientId', clientId: parsed.value };
    }
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/u.test(v)) {
        throw new InputError(Input.personalClientId, `got ${quote(v)}; expected an id such as blue-whale-12345, a client ID, or self.`);
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
    const items = parseList(value);
    if (items.length === 0)
        return [Defaults.lockCidr];
    if (items.some((i) => i.toLowerCase() === 'runner')) {
        throw new InputError(Input.lockCidr, "cannot hold 'runner': a lock must not depend on where the job ran.");
    }
    return parseCidrList(Input.lockCidr, items);
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

;// CONCATENATED MODULE: ./src/config/rotate.ts







/** The rotate action's own input names, exactly as `rotate/action.yml` spells them (connection inputs are shared). */
const RotateInput = {
    credential: 'credential',
    servicePrincipalId: 'service-principal-id',
    expiresIn: 'expires-in',
    rotateWithin: 'rotate-within',
    displayName: 'display-name',
    allowSourceCidr: 'allow-source-cidr',
    scopedRoles: 'scoped-roles',
    allowUnrestricted: 'allow-unrestricted',
    githubToken: 'github-token',
    secretName: 'secret-name',
    clientIdVariable: 'client-id-variable',
    clientIdSecret: 'client-id-secret',
    scope: 'scope',
    repository: 'repository',
    environment: 'environment',
    organization: 'organization',
    githubApiUrl: 'github-api-url',
    verify: 'verify',
    verifyTimeout: 'verify-timeout',
    revokeOld: 'revoke-old',
    dryRun: 'dry-run'
};
const DAY_MS = 86_400_000;
const SPC_MAX_MS = 180 * DAY_MS;
const DEFAULT_EXPIRES_MS = 30 * DAY_MS;
const DEFAULT_VERIFY_MS = 90_000;
/** parseRotateConfig turns every input of the rotate action into one RotateConfig, or throws the first InputError. */
function parseRotateConfig(read, env) {
    const connection = connection_parseConnection(read, env);
    const servicePrincipalId = rotate_optional(read(RotateInput.servicePrincipalId));
    if (servicePrincipalId !== undefined && !ID.test(servicePrincipalId)) {
        throw new errors_InputError(RotateInput.servicePrincipalId, `got ${errors_quote(servicePrincipalId)}; expected a service principal id.`);
    }
    const target = parseRotateTarget(read(RotateInput.credential), servicePrincipalId, connection.auth.caller);
    const expiresInMs = rotate_optional(read(RotateInput.expiresIn)) === undefined
        ? DEFAULT_EXPIRES_MS
        : durations_parseDuration(RotateInput.expiresIn, read(RotateInput.expiresIn));
    if (expiresInMs < 3_600_000)
        throw new errors_InputError(RotateInput.expiresIn, `got ${formatDuration(expiresInMs)}; expected at least 1h.`);
    if (target.kind === 'spc' && expiresInMs > SPC_MAX_MS) {
        throw new errors_InputError(RotateInput.expiresIn, `got ${formatDuration(expiresInMs)}; a service principal credential lives at most 180d.`);
    }
    const rotateWithinText = rotate_optional(read(RotateInput.rotateWithin));
    const rotateWithinMs = rotateWithinText === undefined ? undefined : durations_parseDuration(RotateInput.rotateWithin, rotateWithinText);
    const warnings = [...connection.warnings];
    if (rotateWithinMs !== undefined && rotateWithinMs >= expiresInMs) {
        warnings.push(`rotate-within (${formatDuration(rotateWithinMs)}) is at least expires-in (${formatDuration(expiresInMs)}): every run will rotate.`);
    }
    const cidrItems = lists_parseList(read(RotateInput.allowSourceCidr));
    if (cidrItems.length === 0 && read(RotateInput.allowSourceCidr).trim() !== '') {
        throw new errors_InputError(RotateInput.allowSourceCidr, 'holds no CIDRs; leave it empty to copy the old list.');
    }
    if (cidrItems.some((i) => i.toLowerCase() === 'runner')) {
        throw new errors_InputError(RotateInput.allowSourceCidr, "cannot hold 'runner' here: a rotated credential outlives this job's runner.");
    }
    const dryRun = lists_parseBoolean(RotateInput.dryRun, read(RotateInput.dryRun), false);
    const verifyTimeoutText = rotate_optional(read(RotateInput.verifyTimeout));
    const verifyTimeoutMs = verifyTimeoutText === undefined ? DEFAULT_VERIFY_MS : durations_parseDuration(RotateInput.verifyTimeout, verifyTimeoutText);
    if (verifyTimeoutMs > 600_000)
        throw new errors_InputError(RotateInput.verifyTimeout, `got ${verifyTimeoutText ?? ''}; expected at most 10m.`);
    return {
        ...connection,
        target,
        expiresInMs,
        rotateWithinMs,
        displayName: rotate_optional(read(RotateInput.displayName)),
        allowSourceCidr: cidrItems.length === 0 ? undefined : parseCidrList(RotateInput.allowSourceCidr, cidrItems),
        scopedRoles: rotate_parseRoles(read(RotateInput.scopedRoles)),
        allowUnrestricted: lists_parseBoolean(RotateInput.allowUnrestricted, read(RotateInput.allowUnrestricted), false),
        github: parseGitHub(read, env, dryRun),
        verify: lists_parseBoolean(RotateInput.verify, read(RotateInput.verify), true),
        verifyTimeoutMs,
        revokeOld: lists_parseBoolean(RotateInput.revokeOld, read(RotateInput.revokeOld), true),
        dryRun,
        jobSummary: lists_parseBoolean('job-summary', read('job-summary'), true),
        warnings
    };
}
const ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/u;
// GitHub's own rule for secret and variable names: letters, digits, underscores; no leading digit or GITHUB_.
const GITHUB_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,254}$/u;
const OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/u;
const REPO = /^[A-Za-z0-9._-]{1,100}$/u;
/** parseRotateTarget reads `credential`: self, a pcc id or client ID, an spc client ID, or an id with service-principal-id. */
function parseRotateTarget(value, servicePrincipalId, caller) {
    const v = value.trim() === '' ? 'self' : value.trim();
    if (v === 'self') {
        if (caller === undefined) {
            throw new errors_InputError(RotateInput.credential, 'self needs to know the caller: give client-id (or set CONDUCTORONE_CLIENT_ID).');
        }
        if (caller.kind === 'wfe') {
            throw new errors_InputError(RotateInput.credential, `self means the caller's own credential, but ${caller.value} is a workload federation (wfe) client ID, which has no secret to rotate.`);
        }
        return caller.kind === 'pcc'
            ? { kind: 'pcc', self: true, id: undefined, clientId: caller.value }
            : { kind: 'spc', self: true, id: caller.name, clientId: caller.value, servicePrincipalId };
    }
    if (v.includes('@')) {
        const parsed = tenant_parseClientId(RotateInput.credential, v);
        const self = caller !== undefined && caller.value.toLowerCase() === parsed.value.toLowerCase();
        if (parsed.kind === 'pcc') {
            if (servicePrincipalId !== undefined)
                throw new errors_InputError(RotateInput.servicePrincipalId, 'is only for service principal (spc) credentials.');
            return { kind: 'pcc', self, id: undefined, clientId: parsed.value };
        }
        if (parsed.kind === 'wfe')
            throw new errors_InputError(RotateInput.credential, `got ${errors_quote(v)}; a workload federation (wfe) client ID has no secret to rotate.`);
        if (servicePrincipalId === undefined && !self) {
            throw new errors_InputError(RotateInput.servicePrincipalId, `is required for a service principal credential other than self (${parsed.value}).`);
        }
        return { kind: 'spc', self, id: parsed.name, clientId: parsed.value, servicePrincipalId };
    }
    if (!ID.test(v))
        throw new errors_InputError(RotateInput.credential, `got ${errors_quote(v)}; expected self, a credential id (blue-whale-12345) or a full client ID.`);
    const self = caller !== undefined && caller.name === v && (servicePrincipalId === undefined ? caller.kind === 'pcc' : caller.kind === 'spc');
    return servicePrincipalId === undefined
        ? { kind: 'pcc', self, id: v, clientId: undefined }
        : { kind: 'spc', self, id: v, clientId: undefined, servicePrincipalId };
}
function rotate_parseRoles(value) {
    const roles = cidr_unique(lists_parseList(value));
    if (roles.length === 0 && value.trim() !== '')
        throw new errors_InputError(RotateInput.scopedRoles, 'holds no role IDs; leave it empty to copy the old roles.');
    for (const role of roles) {
        if (!/^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/u.test(role)) {
            throw new errors_InputError(RotateInput.scopedRoles, `got ${errors_quote(role)}; expected role IDs (letters, digits, . _ : -).`);
        }
    }
    return roles.length === 0 ? undefined : roles;
}
function parseGitHub(read, env, dryRun) {
    const token = rotate_optional(read(RotateInput.githubToken));
    if (token === undefined && !dryRun) {
        throw new errors_InputError(RotateInput.githubToken, 'is required: a token that may write Actions secrets (and variables), e.g. a GitHub App token from actions/create-github-app-token or a fine-grained PAT; GITHUB_TOKEN cannot write secrets.');
    }
    const secretName = githubName(RotateInput.secretName, read(RotateInput.secretName), true) ?? '';
    const variable = githubName(RotateInput.clientIdVariable, read(RotateInput.clientIdVariable), false);
    const secret = githubName(RotateInput.clientIdSecret, read(RotateInput.clientIdSecret), false);
    if ((variable === undefined) === (secret === undefined)) {
        throw new errors_InputError(RotateInput.clientIdVariable, 'give exactly one of client-id-variable (preferred: the client ID is not secret) and client-id-secret.');
    }
    if (secret !== undefined && secret.toUpperCase() === secretName.toUpperCase()) {
        throw new errors_InputError(RotateInput.clientIdSecret, `is the same secret as secret-name (${secretName}); the client ID and its secret need two.`);
    }
    const scope = lists_parseChoice(RotateInput.scope, read(RotateInput.scope), ['repository', 'environment', 'organization'], 'repository');
    const environment = rotate_optional(read(RotateInput.environment));
    const organization = rotate_optional(read(RotateInput.organization));
    const repositoryText = rotate_optional(read(RotateInput.repository));
    if (scope !== 'environment' && environment !== undefined)
        throw new errors_InputError(RotateInput.environment, `is only used with scope: environment (scope is ${scope}).`);
    if (scope !== 'organization' && organization !== undefined)
        throw new errors_InputError(RotateInput.organization, `is only used with scope: organization (scope is ${scope}).`);
    if (scope === 'organization' && repositoryText !== undefined)
        throw new errors_InputError(RotateInput.repository, 'is not used with scope: organization.');
    if (scope === 'environment' && environment === undefined)
        throw new errors_InputError(RotateInput.environment, 'is required with scope: environment.');
    if (environment !== undefined && (environment.length > 255 || /[\r\n]/u.test(environment))) {
        throw new errors_InputError(RotateInput.environment, `got ${errors_quote(environment)}; expected an environment name.`);
    }
    if (scope === 'organization' && organization === undefined)
        throw new errors_InputError(RotateInput.organization, 'is required with scope: organization.');
    if (organization !== undefined && !OWNER.test(organization))
        throw new errors_InputError(RotateInput.organization, `got ${errors_quote(organization)}; expected an organization name.`);
    let owner = '';
    let repo = '';
    if (scope !== 'organization') {
        const text = repositoryText ?? (env.GITHUB_REPOSITORY ?? '').trim();
        const from = repositoryText === undefined ? 'GITHUB_REPOSITORY' : RotateInput.repository;
        const [o = '', r = '', extra] = text.split('/');
        if (text === '')
            throw new errors_InputError(RotateInput.repository, 'is required (owner/name): GITHUB_REPOSITORY is not set.');
        if (extra !== undefined || !OWNER.test(o) || !REPO.test(r) || r === '.' || r === '..')
            throw new errors_InputError(from, `got ${errors_quote(text)}; expected owner/name.`);
        owner = o;
        repo = r;
    }
    const apiText = rotate_optional(read(RotateInput.githubApiUrl)) ?? rotate_optional(env.GITHUB_API_URL ?? '') ?? 'https://api.github.com';
    return {
        token,
        apiUrl: parseApiUrl(apiText),
        scope,
        owner,
        repo,
        environment,
        organization,
        secretName,
        clientId: variable !== undefined ? { as: 'variable', name: variable } : { as: 'secret', name: secret ?? '' }
    };
}
function githubName(input, value, required) {
    const v = value.trim();
    if (v === '') {
        if (required)
            throw new errors_InputError(input, 'is required: the Actions secret that receives the new client secret (e.g. C1_CLIENT_SECRET).');
        return undefined;
    }
    if (!GITHUB_NAME.test(v) || v.toUpperCase().startsWith('GITHUB_')) {
        throw new errors_InputError(input, `got ${errors_quote(v)}; GitHub names hold letters, digits and underscores, do not start with a digit or GITHUB_.`);
    }
    return v;
}
function parseApiUrl(text) {
    let url;
    try {
        url = new URL(text);
    }
    catch {
        url = undefined;
    }
    const loopback = url !== undefined && (url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]');
    if (url === undefined ||
        url.username !== '' ||
        url.password !== '' ||
        url.search !== '' ||
        url.hash !== '' ||
        !(url.protocol === 'https:' || (url.protocol === 'http:' && loopback))) {
        throw new errors_InputError(RotateInput.githubApiUrl, `got ${errors_quote(text)}; expected https://api.github.com or https://<ghes-host>/api/v3 (http:// only for loopback).`);
    }
    return url.href.replace(/\/$/u, '');
}
function rotate_optional(value) {
    const v = value.trim();
    return v === '' ? undefined : v;
}

;// CONCATENATED MODULE: ./src/github/api.ts
/** GitHubError is a GitHub call that failed; `outcome` says whether a write may have been applied. */
class GitHubError extends Error {
    status;
    outcome;
    constructor(message, status, outcome) {
        super(message);
        this.status = status;
        this.outcome = outcome;
        this.name = 'GitHubError';
    }
}
const RATE_LIMIT_CAP_MS = 60_000;
/** rateLimitWait says how long to wait when an answer is one of GitHub's rate-limit signals, else undefined. */
function rateLimitWait(answer, now) {
    const header = (name) => {
        const v = answer.headers[name];
        return v === undefined ? undefined : String(v);
    };
    const secondary = answer.status === 403 && /secondary rate limit/iu.test(api_messageOf(answer.data));
    const exhausted = header('x-ratelimit-remaining') === '0';
    if (answer.status !== 429 && !secondary && !exhausted)
        return undefined;
    if (exhausted && answer.status < 400)
        return undefined;
    const retryAfter = header('retry-after');
    if (retryAfter !== undefined && /^\d+$/u.test(retryAfter.trim()))
        return Math.min(RATE_LIMIT_CAP_MS, Number(retryAfter) * 1000);
    const reset = header('x-ratelimit-reset');
    if (reset !== undefined && /^\d+$/u.test(reset.trim()))
        return Math.min(RATE_LIMIT_CAP_MS, Math.max(0, Number(reset) * 1000 - now.getTime()));
    return 1000;
}
/** messageOf picks GitHub's `message` out of an error body. */
function api_messageOf(data) {
    if (typeof data === 'object' && data !== null && typeof data.message === 'string') {
        return data.message ?? '';
    }
    return typeof data === 'string' ? data.slice(0, 200) : '';
}
/**
 * send sends one request with the contract's retries: rate limits (429, a 403 saying "secondary rate limit",
 * `x-ratelimit-remaining: 0`) wait `retry-after` or until the reset, at most 60 s; 5xx and network errors back
 * off. Any other 4xx is final. The answer is returned for the caller to judge (a 404 can be "absent"); the
 * error says whether a write may have been applied (some attempt ended without a clear refusal).
 */
async function send(request, retry, what, method, path, body) {
    let uncertain = false;
    for (let attempt = 1;; attempt++) {
        let answer;
        try {
            answer = await request(method, path, body);
        }
        catch (error) {
            uncertain = true;
            const reason = error instanceof Error ? error.message : String(error);
            if (attempt >= retry.maxAttempts)
                throw new GitHubError(`GitHub ${what} failed after ${attempt} attempt(s): ${reason}.`, undefined, 'unknown');
            await wait(retry, attempt, reason, undefined);
            continue;
        }
        const limited = rateLimitWait(answer, retry.now());
        if (answer.status >= 500)
            uncertain = true;
        const transient = limited !== undefined || answer.status >= 500;
        if (!transient)
            return answer;
        if (attempt >= retry.maxAttempts) {
            throw new GitHubError(`GitHub ${what} failed after ${attempt} attempt(s): HTTP ${answer.status}${api_messageOf(answer.data) === '' ? '' : ` (${api_messageOf(answer.data)})`}.`, answer.status, uncertain ? 'unknown' : 'rejected');
        }
        await wait(retry, attempt, `HTTP ${answer.status}`, limited);
    }
}
async function wait(retry, attempt, reason, ms) {
    const delay = ms ?? Math.floor(retry.random() * Math.min(10_000, 500 * 2 ** (attempt - 1)));
    retry.log(`GitHub: attempt ${attempt + 1} of ${retry.maxAttempts} after ${reason}, waiting ${(delay / 1000).toFixed(1)} s`);
    await retry.sleep(delay);
}

;// CONCATENATED MODULE: ./src/github/octokit.ts
/**
 * octokitRequest sends GitHub REST requests through Octokit from `@actions/github` (its proxy support and user
 * agent), at `baseUrl` (GitHub Enterprise Server: `https://<host>/api/v3`). Octokit throws on any status from
 * 400; this gives such answers back as answers, and throws only when none came. Octokit (and undici with it)
 * is loaded on first use, so a run that never reaches GitHub does not pay for it.
 */
function octokitRequest(token, baseUrl, timeoutMs) {
    let octokit;
    return async (method, path, body) => {
        octokit ??= Promise.all(/* import() */[__nccwpck_require__.e(11), __nccwpck_require__.e(587)]).then(__nccwpck_require__.bind(__nccwpck_require__, 8587)).then(({ getOctokit }) => getOctokit(token, { baseUrl }));
        const client = await octokit;
        try {
            const response = (await client.request(`${method} ${path}`, { ...body, request: { signal: AbortSignal.timeout(timeoutMs) } }));
            return { status: response.status, data: response.data, headers: response.headers };
        }
        catch (error) {
            const response = error
                .response;
            if (response === undefined)
                throw new Error(`no answer from GitHub (${error instanceof Error ? error.message : String(error)})`);
            return { status: response.status, data: response.data, headers: response.headers };
        }
    };
}

;// CONCATENATED MODULE: ./src/github/seal.ts
/**
 * seal encrypts a value for GitHub with the repository's (environment's, organization's) public key: a libsodium
 * sealed box, base64 (original variant), as GitHub's REST documentation prescribes. libsodium (a bundle chunk of
 * its own, about 420 kB) is loaded here, on the rotate path only, and once.
 */
async function seal(plaintext, publicKeyBase64) {
    const { default: sodium } = await __nccwpck_require__.e(/* import() */ 866).then(__nccwpck_require__.bind(__nccwpck_require__, 8866));
    await sodium.ready;
    const key = sodium.from_base64(publicKeyBase64, sodium.base64_variants.ORIGINAL);
    if (key.length !== sodium.crypto_box_PUBLICKEYBYTES)
        throw new Error(`GitHub's public key is ${key.length} bytes, not ${sodium.crypto_box_PUBLICKEYBYTES}.`);
    return sodium.to_base64(sodium.crypto_box_seal(sodium.from_string(plaintext), key), sodium.base64_variants.ORIGINAL);
}

;// CONCATENATED MODULE: ./src/github/store.ts


const MAX_PAGES = 200;
/**
 * GitHubStore reads and writes the Actions secret and the client-ID secret or variable of one scope
 * (repository, environment in a repository, or organization), through the REST paths GitHub documents.
 */
class GitHubStore {
    target;
    request;
    retry;
    constructor(target, request, retry) {
        this.target = target;
        this.request = request;
        this.retry = retry;
    }
    /** where names the scope in messages and the summary. */
    where() {
        const t = this.target;
        if (t.scope === 'organization')
            return `organization ${t.organization ?? ''}`;
        if (t.scope === 'environment')
            return `environment ${t.environment ?? ''} of ${t.owner}/${t.repo}`;
        return `repository ${t.owner}/${t.repo}`;
    }
    /** preflight reads the public key, the secret's metadata and the client ID's; it proves read access to secrets. */
    async preflight() {
        const [key, secret, clientId] = await Promise.all([
            this.publicKey(),
            this.readSecret(this.target.secretName),
            this.target.clientId.as === 'secret' ? this.readSecret(this.target.clientId.name) : this.readVariable(this.target.clientId.name)
        ]);
        return { key, secret, clientId };
    }
    /** putSecret seals and writes a secret; an org secret keeps its visibility and selected repositories. */
    async putSecret(name, value, key, existing) {
        const body = { encrypted_value: await seal(value, key.key), key_id: key.keyId };
        if (this.target.scope === 'organization')
            Object.assign(body, this.visibility(existing));
        const what = `write of secret ${name} (${this.where()})`;
        const answer = await send(this.request, this.retry, what, 'PUT', this.secretPath(name), body);
        if (answer.status !== 201 && answer.status !== 204)
            throw this.refusal(what, answer, 'rejected');
    }
    /** writeVariable creates or updates a variable: POST, on 409 PATCH; PATCH, on 404 POST. */
    async writeVariable(name, value, existing) {
        const what = `write of variable ${name} (${this.where()})`;
        const create = async () => {
            const body = { name, value };
            if (this.target.scope === 'organization')
                Object.assign(body, this.visibility(existing));
            return send(this.request, this.retry, what, 'POST', this.variablesPath(), body);
        };
        const update = async () => send(this.request, this.retry, what, 'PATCH', `${this.variablesPath()}/${enc(name)}`, { name, value });
        let answer = existing.exists ? await update() : await create();
        if (existing.exists && answer.status === 404)
            answer = await create();
        else if (!existing.exists && answer.status === 409)
            answer = await update();
        if (answer.status < 200 || answer.status >= 300)
            throw this.refusal(what, answer, 'rejected');
    }
    /** writeClientId writes the client ID where the inputs say: a variable or a secret. */
    async writeClientId(value, pre) {
        const { as, name } = this.target.clientId;
        if (as === 'variable')
            await this.writeVariable(name, value, pre.clientId);
        else
            await this.putSecret(name, value, pre.key, pre.clientId);
    }
    async publicKey() {
        const what = `read of the Actions public key (${this.where()})`;
        const answer = await send(this.request, this.retry, what, 'GET', `${this.secretsPath()}/public-key`);
        if (answer.status !== 200)
            throw this.refusal(what, answer, 'rejected');
        const data = answer.data;
        if (typeof data?.key_id !== 'string' || typeof data.key !== 'string' || data.key === '') {
            throw new GitHubError(`GitHub ${what} answered without key_id and key.`, 200, 'rejected');
        }
        return { keyId: data.key_id, key: data.key };
    }
    async readSecret(name) {
        const what = `read of secret ${name}'s metadata (${this.where()})`;
        const answer = await send(this.request, this.retry, what, 'GET', this.secretPath(name));
        if (answer.status === 404)
            return { exists: false };
        if (answer.status !== 200)
            throw this.refusal(what, answer, 'rejected');
        return this.withVisibility(what, answer.data, `${this.secretPath(name)}/repositories`);
    }
    async readVariable(name) {
        const what = `read of variable ${name} (${this.where()})`;
        const path = `${this.variablesPath()}/${enc(name)}`;
        const answer = await send(this.request, this.retry, what, 'GET', path);
        if (answer.status === 404)
            return { exists: false };
        if (answer.status !== 200)
            throw this.refusal(what, answer, 'rejected');
        const existing = await this.withVisibility(what, answer.data, `${path}/repositories`);
        const value = answer.data?.value;
        return typeof value === 'string' ? { ...existing, value } : existing;
    }
    /** withVisibility reads an org item's visibility, and its selected repositories (paged, 100 a page). */
    async withVisibility(what, data, repositoriesPath) {
        if (this.target.scope !== 'organization')
            return { exists: true };
        const visibility = data?.visibility;
        if (typeof visibility !== 'string')
            throw new GitHubError(`GitHub ${what} answered without a visibility.`, 200, 'rejected');
        if (visibility !== 'selected')
            return { exists: true, visibility };
        const ids = [];
        for (let page = 1; page <= MAX_PAGES; page++) {
            const answer = await send(this.request, this.retry, `${what}: selected repositories`, 'GET', `${repositoriesPath}?per_page=100&page=${page}`);
            if (answer.status !== 200)
                throw this.refusal(`${what}: selected repositories`, answer, 'rejected');
            const body = answer.data;
            const repos = Array.isArray(body?.repositories) ? body.repositories : [];
            for (const repo of repos) {
                const id = repo?.id;
                if (typeof id === 'number')
                    ids.push(id);
            }
            const total = typeof body?.total_count === 'number' ? body.total_count : ids.length;
            if (repos.length < 100 || ids.length >= total)
                return { exists: true, visibility, selectedRepositoryIds: ids };
        }
        throw new GitHubError(`GitHub ${what}: more than ${MAX_PAGES} pages of selected repositories.`, 200, 'rejected');
    }
    /** visibility is what an org write sends: the existing visibility (and repositories), or private for a new one. */
    visibility(existing) {
        const visibility = existing.visibility ?? 'private';
        return visibility === 'selected'
            ? { visibility, selected_repository_ids: [...(existing.selectedRepositoryIds ?? [])] }
            : { visibility };
    }
    base() {
        const t = this.target;
        if (t.scope === 'organization')
            return `/orgs/${enc(t.organization ?? '')}/actions`;
        const repo = `/repos/${enc(t.owner)}/${enc(t.repo)}`;
        return t.scope === 'environment' ? `${repo}/environments/${enc(t.environment ?? '')}` : `${repo}/actions`;
    }
    secretsPath() {
        return `${this.base()}/secrets`;
    }
    secretPath(name) {
        return `${this.secretsPath()}/${enc(name)}`;
    }
    variablesPath() {
        return `${this.base()}/variables`;
    }
    /** refusal turns a final non-2xx answer into an error; a permission 403 carries the hint about GITHUB_TOKEN. */
    refusal(what, answer, outcome) {
        const said = api_messageOf(answer.data);
        let hint = '';
        if (answer.status === 403 || answer.status === 401) {
            hint =
                this.target.scope === 'organization'
                    ? " The token may not manage this organization's Actions secrets and variables: it needs the organization's Secrets and Variables permissions (a GitHub App or fine-grained PAT) or admin:org (classic PAT)."
                    : ' The token may not write Actions secrets here. GITHUB_TOKEN cannot write secrets: use a GitHub App installation token (actions/create-github-app-token with permission-secrets: write and permission-variables: write) or a fine-grained PAT with Secrets and Variables read and write.';
        }
        else if (answer.status === 404) {
            hint = ` Check that ${this.where()} exists and that the token can see it.`;
        }
        return new GitHubError(`GitHub ${what} failed: HTTP ${answer.status}${said === '' ? '' : ` (${said})`}.${hint}`, answer.status, outcome);
    }
}
function enc(segment) {
    return encodeURIComponent(segment);
}

;// CONCATENATED MODULE: ./src/plan/rotation.ts




/**
 * durationJson writes milliseconds as a protobuf Duration in JSON: whole seconds with an `s` suffix
 * (`"2592000s"` for 30 days); a part second is dropped, since C1 counts expiry in seconds.
 */
function durationJson(ms) {
    return `${Math.floor(ms / 1000)}s`;
}
/**
 * isAllowAll says whether a CIDR lets any address through: 0.0.0.0/0, ::/0, and the spellings that mean the
 * same (::ffff:0.0.0.0/96, 0/0 written with host bits). A stop-gap until src/net/cidr.ts has its own check.
 */
function isAllowAll(cidr) {
    const normal = normaliseExisting(cidr.trim());
    return normal === '0.0.0.0/0' || normal === '::/0';
}
/** unrestricted says whether a CIDR list allows every address: empty (C1 reads that as no restriction) or allow-all. */
function unrestricted(cidrs) {
    return cidrs === null || cidrs.length === 0 || cidrs.some(isAllowAll);
}
/**
 * planRotation decides what the new credential is and whether it is due. It throws when the new one would be
 * wider than the old (an allow-all CIDR list or an empty role list the old one did not have) without
 * `allow-unrestricted`, or when the old one needs DPoP. The check runs before the due check, so a
 * misconfiguration fails on every run, not only when rotation is due.
 */
function planRotation(config, current, now) {
    if (current.requireDpop) {
        throw new Error(`${current.clientId} requires DPoP proof-of-possession, which this action cannot verify, and a copy without it would be wider: rotate it by hand.`);
    }
    const cidrs = config.allowSourceCidr ?? (current.allowSourceCidr ?? []).map((c) => c);
    const roles = config.scopedRoles ?? (current.scopedRoles ?? []).map((r) => r);
    if (!config.allowUnrestricted) {
        if (unrestricted(cidrs) && !unrestricted(current.allowSourceCidr)) {
            throw new errors_InputError(RotateInput.allowSourceCidr, `would let the new credential be used from any address, which the old one (${current.allowSourceCidr?.join(', ') ?? ''}) did not allow; set allow-unrestricted: true if that is meant.`);
        }
        if (roles.length === 0 && (current.scopedRoles ?? []).length > 0) {
            throw new errors_InputError(RotateInput.scopedRoles, 'would leave the new credential without role restriction, which the old one had; set allow-unrestricted: true if that is meant.');
        }
    }
    const create = {
        displayName: config.displayName ?? current.displayName,
        allowSourceCidr: cidrs,
        scopedRoles: roles,
        expires: durationJson(config.expiresInMs)
    };
    return {
        due: due(config.rotateWithinMs, current, now),
        create,
        expiresTime: new Date(now.getTime() + config.expiresInMs).toISOString()
    };
}
function due(withinMs, current, now) {
    if (withinMs === undefined)
        return { rotate: true };
    if (current.expiresTime === null || current.expiresTime === '') {
        return { rotate: false, notice: `${current.clientId} does not expire: left alone (rotate-within is set).` };
    }
    const expires = Date.parse(current.expiresTime);
    if (Number.isNaN(expires))
        return { rotate: true };
    const left = expires - now.getTime();
    if (left <= withinMs)
        return { rotate: true };
    return {
        rotate: false,
        notice: `${current.clientId} expires at ${current.expiresTime}, in ${formatDuration(left)}, later than rotate-within (${formatDuration(withinMs)}): not rotated.`
    };
}
/**
 * rollbackFor says what each row of the failure table undoes. `oldSecretKnown`: the old secret is in hand
 * (`self` with a given secret), so it can be written back after a failed client-ID write.
 */
function rollbackFor(failure, oldSecretKnown) {
    const none = { orphanSearch: false, writeBack: false, revokeNew: false, keepBoth: false };
    switch (failure) {
        case 'create-rejected':
        case 'revoke-old':
            return none;
        case 'create-unknown':
            return { ...none, orphanSearch: true };
        case 'verify':
        case 'secret-rejected':
            return { ...none, revokeNew: true };
        case 'secret-unknown':
            return { ...none, keepBoth: true };
        case 'client-id':
            return oldSecretKnown ? { ...none, writeBack: true, revokeNew: true } : { ...none, keepBoth: true };
    }
}
/** ORPHAN_WINDOW_MS: clocks differ, so a credential created up to five minutes before the Create was sent may be this run's. */
const ORPHAN_WINDOW_MS = 5 * 60_000;
/** isOrphan says whether a listed credential may be the one this run's Create made. */
function isOrphan(record, displayName, oldId, sentAt) {
    if (record.ref.id === oldId || record.displayName !== displayName)
        return false;
    const created = record.createdAt === null ? Number.NaN : Date.parse(record.createdAt);
    // Without a creation time it cannot be told from someone else's credential of the same name: left alone.
    return !Number.isNaN(created) && created >= sentAt.getTime() - ORPHAN_WINDOW_MS;
}

;// CONCATENATED MODULE: ./src/runner/rotation-report.ts
/** The rotate action's output names, exactly as `rotate/action.yml` declares them. */
const RotateOutput = {
    rotated: 'rotated',
    oldId: 'old-id',
    oldClientId: 'old-client-id',
    newId: 'new-id',
    newClientId: 'new-client-id',
    expiresTime: 'expires-time',
    verified: 'verified',
    revoked: 'revoked'
};
/** rotationOutputs gives every output; what is not known is empty (`new-*`) or false. */
function rotationOutputs(p) {
    return {
        [RotateOutput.rotated]: String(p.rotated),
        [RotateOutput.oldId]: p.old?.ref.id ?? '',
        [RotateOutput.oldClientId]: p.old?.clientId ?? '',
        [RotateOutput.newId]: p.created?.ref.id ?? '',
        [RotateOutput.newClientId]: p.created?.clientId ?? '',
        [RotateOutput.expiresTime]: p.created === undefined ? '' : (p.expiresTime ?? ''),
        [RotateOutput.verified]: String(p.verified),
        [RotateOutput.revoked]: String(p.revoked)
    };
}
/** rotationSummary renders old → new, where it went, verification, revocation, and on failure what GitHub holds. */
function rotationSummary(p) {
    const lines = [`### ConductorOne credential rotation${p.error === undefined ? '' : ' (failed)'}`, ''];
    const old = p.old === undefined ? '_not read_' : code(p.old.clientId);
    const fresh = p.created === undefined ? '_none created_' : code(p.created.clientId);
    lines.push('| | |', '| --- | --- |', `| old | ${old} |`, `| new | ${fresh} |`);
    if (p.created !== undefined)
        lines.push(`| new expires | ${code(p.expiresTime ?? '')} |`);
    const names = `${code(p.secretName)} (secret), ${code(p.clientIdName.name)} (${p.clientIdName.as})`;
    lines.push(`| stored in | ${p.where === '' ? '_GitHub not checked_' : `${cell(p.where)}: ${names}`} |`);
    const verification = !p.verify
        ? 'skipped'
        : p.verified
            ? `minted a token after ${((p.verifyMs ?? 0) / 1000).toFixed(1)} s`
            : p.created === undefined
                ? 'not reached'
                : `failed after ${((p.verifyMs ?? 0) / 1000).toFixed(1)} s`;
    lines.push(`| verification | ${verification} |`);
    const revoked = p.revoked ? 'yes' : !p.revokeOld ? 'no (revoke-old: false)' : 'no';
    lines.push(`| old revoked | ${revoked} |`, '');
    lines.push(`- GitHub holds: ${cell(holds(p))}`);
    if (p.newRevoked === true)
        lines.push('- The new credential was revoked again (rollback).');
    for (const note of p.notes)
        lines.push(`- ${cell(note)}`);
    if (p.error !== undefined)
        lines.push(`- Failed: ${cell(p.error)}`);
    lines.push(`- Action needed: ${cell(p.action ?? (p.error !== undefined && p.rotated && !p.revoked ? `revoke the old credential ${p.old?.clientId ?? ''}.` : 'none.'))}`);
    return `${lines.join('\n')}\n`;
}
function holds(p) {
    if (p.holds !== undefined)
        return p.holds;
    if (p.dryRun)
        return 'unchanged (dry run).';
    if (p.rotated)
        return 'the new pair.';
    return 'the old pair, unchanged.';
}
function cell(text) {
    return text.replace(/[\r\n]+/gu, ' ').replace(/\|/gu, '\\|');
}
function code(text) {
    return `\`${cell(text).replace(/`/gu, "'")}\``;
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
        proxied ??= Promise.all(/* import() */[__nccwpck_require__.e(11), __nccwpck_require__.e(585)]).then(__nccwpck_require__.bind(__nccwpck_require__, 8585)).then(({ HttpClient: Client }) => ({
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

;// CONCATENATED MODULE: ./src/flows/rotate.ts












const rotate_MAX_PAGES = 200;
/**
 * rotate is the rotate action: validate → (C1 token, read ‖ GitHub preflight) → due? → Create → verify →
 * store the secret, then the client ID → revoke the old. Every failure after the Create undoes what its row of
 * the failure table says, and the outputs and summary are written whatever happened, as far as known.
 */
async function rotate(rt) {
    maskSecretInputs(rt);
    const githubToken = rt.read(RotateInput.githubToken).trim();
    if (githubToken !== '')
        rt.setSecret(githubToken);
    const config = parseRotateConfig(rt.read, rt.env);
    for (const warning of config.warnings)
        rt.log.warning(warning);
    const progress = {
        dryRun: config.dryRun,
        verify: config.verify,
        revokeOld: config.revokeOld,
        secretName: config.github.secretName,
        clientIdName: config.github.clientId,
        where: '',
        rotated: false,
        verified: false,
        revoked: false,
        secretStored: false,
        clientIdStored: false,
        notes: []
    };
    try {
        await run(rt, config, progress);
    }
    catch (error) {
        progress.error = messageOf(error);
        throw error;
    }
    finally {
        for (const [name, value] of Object.entries(rotationOutputs(progress)))
            rt.setOutput(name, value);
        if (config.jobSummary)
            await rt.writeSummary(rotationSummary(progress));
    }
}
async function run(rt, config, progress) {
    const client = openClient(config, rt);
    const token = config.github.token;
    const store = token === undefined
        ? undefined
        : new GitHubStore(config.github, octokitRequest(token, config.github.apiUrl, config.requestTimeoutMs), {
            maxAttempts: config.retryMaxAttempts,
            sleep: rt.sleep,
            random: rt.random,
            now: rt.now,
            log: rt.log.info
        });
    progress.where = store?.where() ?? '';
    if (store === undefined)
        rt.log.notice('Dry run without github-token: the GitHub check is skipped.');
    const [current, pre] = await Promise.all([readCurrent(client, config), store?.preflight()]);
    progress.old = current;
    const plan = planRotation(config, current, rt.now());
    if (!plan.due.rotate) {
        rt.log.notice(plan.due.notice);
        progress.notes.push(plan.due.notice);
        return;
    }
    if (config.dryRun) {
        const line = `Dry run: would create a credential '${plan.create.displayName}' for ${current.clientId} (expires in ${plan.create.expires}), store it in ${progress.where || 'GitHub'} and ${config.revokeOld ? 'revoke' : 'keep'} the old one.`;
        rt.log.info(line);
        progress.notes.push(line);
        return;
    }
    if (store === undefined || pre === undefined)
        throw new Error('internal: no GitHub store outside a dry run');
    const owner = current.ref.kind === 'pcc' ? { kind: 'pcc' } : { kind: 'spc', servicePrincipalId: current.ref.servicePrincipalId };
    const sentAt = rt.now();
    let created;
    try {
        created = await client.createCredential(owner, plan.create);
    }
    catch (error) {
        if (error instanceof C1Error && error.maybeApplied) {
            const found = await revokeOrphans(client, owner, plan.create.displayName, current.ref.id, sentAt, rt);
            throw new Error(`${messageOf(error)} The outcome is unknown, so the Create was not sent again. ${found} GitHub is unchanged.`);
        }
        if (error instanceof C1Error && error.status === 403 && owner.kind === 'pcc') {
            throw new Error(`${messageOf(error)} Whether a personal client's own token may create personal clients is not documented; ` +
                'a service principal credential, or a user token (token input), is the way. Nothing was created; GitHub is unchanged.');
        }
        throw new Error(`${messageOf(error)} Nothing was created; GitHub is unchanged.`);
    }
    const fresh = created.record;
    progress.created = fresh;
    progress.expiresTime = fresh.expiresTime ?? plan.expiresTime;
    rt.log.info(`Created ${describe(fresh.ref)} with client ID ${fresh.clientId}.`);
    // `clientIdUnknown`: the client-ID write may have been applied, so the old client ID is written back too.
    const fail = async (failure, cause, clientIdUnknown = false) => {
        const oldSecret = oldSecretText(rt, config);
        const rollback = rollbackFor(failure, oldSecret !== undefined);
        if (rollback.writeBack && oldSecret !== undefined) {
            try {
                await store.putSecret(config.github.secretName, oldSecret, pre.key, pre.secret);
                if (clientIdUnknown)
                    await store.writeClientId(current.clientId, pre);
                progress.notes.push(`The old secret${clientIdUnknown ? ' and client ID were' : ' was'} written back to ${progress.where}.`);
            }
            catch (error) {
                progress.holds = `either pair: the secret may be the new one or the old one, the client ID ${current.clientId} or ${fresh.clientId}`;
                progress.action = `Set ${config.github.secretName} and ${config.github.clientId.name} to a matching pair by hand (or rerun); both credentials were kept valid.`;
                throw new Error(`${cause} Writing the old values back failed as well (${messageOf(error)}): both credentials are kept; ` +
                    `store the new client ID ${fresh.clientId} in ${config.github.clientId.name}, or set both back by hand.`);
            }
        }
        if (rollback.revokeNew) {
            try {
                await client.revokeCredential(fresh.ref);
                progress.newRevoked = true;
            }
            catch (error) {
                throw new Error(`${cause} Revoking the new credential ${fresh.clientId} failed as well (${messageOf(error)}): revoke it by hand.`);
            }
            throw new Error(`${cause} The new credential ${fresh.clientId} was revoked; GitHub holds the old pair, which still works.`);
        }
        if (rollback.keepBoth) {
            if (failure === 'secret-unknown') {
                progress.holds = `the old pair, or the new secret beside the old client ID ${current.clientId}`;
                progress.action = `Set ${config.github.clientId.name} to ${fresh.clientId} if ${config.github.secretName} holds the new secret (or rerun), then revoke the one not in use.`;
                throw new Error(`${cause} Both credentials are kept: old ${current.clientId}, new ${fresh.clientId}. ${config.github.secretName} may hold either secret; ` +
                    `the client ID was not written (it is still ${current.clientId}).`);
            }
            progress.holds = `the new secret; the client ID may be the old one (${current.clientId})`;
            progress.action = `Store the new client ID ${fresh.clientId} in ${config.github.clientId.name}, then revoke the old credential ${current.clientId}.`;
            throw new Error(`${cause} Both credentials are kept: store the new client ID ${fresh.clientId} in ${config.github.clientId.name} by hand.`);
        }
        throw new Error(cause);
    };
    // Verify: the new credential mints a token from this runner before anything depends on it.
    if (config.verify) {
        const newId = clientIdOf(fresh.clientId);
        const verification = newId === undefined
            ? undefined
            : await mintUntilAccepted(client, { clientId: newId, secret: created.secret }, config.verifyTimeoutMs, {
                clock: () => rt.now().getTime(),
                sleep: rt.sleep,
                log: rt.log.info
            });
        progress.verifyMs = verification?.afterMs;
        if (verification?.accepted !== true) {
            const why = verification === undefined ? `C1 gave a client ID that is not <name>@<host>/<kind>` : verification.last;
            await fail('verify', `The new credential ${fresh.clientId} did not mint a token within ${config.verifyTimeoutMs / 1000} s (last: ${why}).`);
        }
        progress.verified = true;
        rt.log.info(`Verified: the new credential mints a token (after ${verification?.attempts ?? 1} attempt(s)).`);
    }
    // Store: the secret first; the client ID names it, so a reader never sees a new ID beside an old secret.
    try {
        await store.putSecret(config.github.secretName, created.secretText, pre.key, pre.secret);
    }
    catch (error) {
        const unknown = error instanceof GitHubError && error.outcome === 'unknown';
        if (unknown)
            progress.secretMaybe = true;
        await fail(unknown ? 'secret-unknown' : 'secret-rejected', messageOf(error));
    }
    progress.secretStored = true;
    try {
        await store.writeClientId(fresh.clientId, pre);
    }
    catch (error) {
        await fail('client-id', messageOf(error), !(error instanceof GitHubError && error.outcome === 'rejected'));
    }
    progress.clientIdStored = true;
    progress.rotated = true;
    rt.log.notice(`Rotated ${current.clientId} → ${fresh.clientId}; stored in ${progress.where} (${config.github.secretName}, ${config.github.clientId.name}).`);
    if (!config.revokeOld) {
        progress.notes.push('The old credential was kept (revoke-old: false).');
        return;
    }
    await revokeOld(client, config, current, fresh, created, rt);
    progress.revoked = true;
}
/** revokeOld revokes the old credential with the caller's token; for self, a refusal is retried once with the new one's. */
async function revokeOld(client, config, current, fresh, created, rt) {
    try {
        await client.revokeCredential(current.ref);
        return;
    }
    catch (error) {
        const newId = clientIdOf(fresh.clientId);
        if (!(config.target.self && error instanceof C1Error && error.status === 403 && newId !== undefined)) {
            throw new Error(`${messageOf(error)} The old credential ${current.clientId} (id ${current.ref.id}) is still valid: revoke it.`);
        }
    }
    const newId = clientIdOf(fresh.clientId);
    if (newId === undefined)
        throw new Error('internal: no new client ID');
    const asNew = openClient({ ...config, auth: { kind: 'assertion', caller: newId, secret: created.secret } }, rt);
    try {
        await asNew.revokeCredential(current.ref);
    }
    catch (error) {
        throw new Error(`${messageOf(error)} The old credential ${current.clientId} (id ${current.ref.id}) is still valid: revoke it.`);
    }
}
/** readCurrent resolves and reads the credential to rotate. */
async function readCurrent(client, config) {
    const target = config.target;
    let owner;
    let inferred = '';
    if (target.kind === 'pcc') {
        owner = { kind: 'pcc' };
    }
    else {
        let sp = target.servicePrincipalId;
        if (sp === undefined) {
            sp = (await client.introspect()).userId;
            inferred = ` (service principal ${sp} is the caller's userId from introspect, taken as its service principal; give service-principal-id if that is wrong)`;
        }
        owner = { kind: 'spc', servicePrincipalId: sp };
    }
    if (target.clientId === undefined) {
        if (target.id === undefined)
            throw new Error('internal: a target without id or client ID');
        return client.readCredential({ ...owner, id: target.id });
    }
    const wanted = target.clientId.toLowerCase();
    const seen = new Set();
    let pageToken = '';
    let pages = 0;
    do {
        const page = await client.credentialPage(owner, pageToken);
        const found = page.list.find((c) => c.clientId.toLowerCase() === wanted);
        if (found !== undefined)
            return found;
        pageToken = page.nextPageToken;
        pages++;
        if (pageToken !== '' && (seen.has(pageToken) || pages >= rotate_MAX_PAGES))
            throw new Error(`C1 listed credentials past ${pages} pages or repeated a page token.`);
        seen.add(pageToken);
    } while (pageToken !== '');
    throw new Error(`${target.clientId} was not found among the ${owner.kind === 'pcc' ? "caller's personal clients" : `credentials of service principal ${owner.servicePrincipalId}`}${inferred}.`);
}
/** revokeOrphans looks for what an unanswered Create may have made and revokes it; it says what it found. */
async function revokeOrphans(client, owner, displayName, oldId, sentAt, rt) {
    const found = [];
    const failed = [];
    try {
        let pageToken = '';
        const seen = new Set();
        for (let pages = 0; pages < rotate_MAX_PAGES; pages++) {
            const page = await client.credentialPage(owner, pageToken);
            for (const record of page.list.filter((r) => isOrphan(r, displayName, oldId, sentAt))) {
                try {
                    await client.revokeCredential(record.ref);
                    found.push(record.clientId);
                }
                catch (error) {
                    failed.push(`${record.clientId} (${messageOf(error)})`);
                }
            }
            pageToken = page.nextPageToken;
            if (pageToken === '' || seen.has(pageToken))
                break;
            seen.add(pageToken);
        }
    }
    catch (error) {
        return `Looking for a credential it may have created failed (${messageOf(error)}): check C1 for a credential named '${displayName}' created just now and revoke it.`;
    }
    rt.log.info(`Orphan search: revoked ${found.length}, failed ${failed.length}.`);
    if (failed.length > 0)
        return `Found ${failed.join(', ')} but could not revoke it: revoke it by hand.`;
    return found.length === 0 ? 'No credential created by this run was found.' : `Found and revoked ${found.join(', ')}.`;
}
/** oldSecretText is the old credential's secret when this run holds it: `self` with a given secret. */
function oldSecretText(rt, config) {
    if (!config.target.self || config.auth.kind !== 'assertion')
        return undefined;
    const text = rt.read(names_Input.clientId).trim() !== '' ? rt.read(names_Input.clientSecret) : (rt.env[Env.clientSecret] ?? '');
    return text.trim() === '' ? undefined : text.trim();
}
function clientIdOf(value) {
    try {
        return tenant_parseClientId('new client ID', value);
    }
    catch {
        return undefined;
    }
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
        getIdToken: async (audience) => (await Promise.all(/* import() */[__nccwpck_require__.e(11), __nccwpck_require__.e(585), __nccwpck_require__.e(317)]).then(__nccwpck_require__.bind(__nccwpck_require__, 8317))).getIDToken(audience),
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
            workflow.setFailed(step === 'main'
                ? `The main step was cancelled (${signal}); the post step still runs its cleanup, if one is set.`
                : `The post step was cancelled (${signal}) before it finished: the credential may still be open; check it in C1.`);
            process.exit(1);
        });
    }
}

;// CONCATENATED MODULE: ./src/rotate.ts


// No onCancel: its lines speak of main's post step, which the rotate action does not have.
rotate(coreRuntime()).then(() => process.exit(), (error) => {
    fail(error);
    process.exit();
});


//# sourceMappingURL=index.js.map