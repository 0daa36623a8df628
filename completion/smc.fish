# SPDX-License-Identifier: GPL-2.0-or-later
# fish completion for smc and its applets smcd, smcr, smc_run, smcss,
# smc_pnet, smc_rnics, smc_chk and smc_dbg: applets, objects, commands,
# options, and the names of network interfaces (/sys/class/net) and RDMA
# devices (/sys/class/infiniband).
# fish escapes what it inserts: a device name is never expanded or run.
# SMC_COMPLETION_SYSFS names another sysfs root (for tests).
# fish loads completions/NAME.fish for each command NAME: this file is
# installed once and linked as smcd.fish, smcr.fish, ...; it registers all
# of them the first time and nothing after.
if set -q __smc_completion_loaded
    return
end
set -g __smc_completion_loaded 1

# __smc_devices CLASS: the device names in sysfs class CLASS.
function __smc_devices
    set -l root /sys
    set -q SMC_COMPLETION_SYSFS; and set root $SMC_COMPLETION_SYSFS
    for entry in $root/class/$argv[1]/*
        string replace -r '.*/' '' -- $entry
    end
end

# __smc_object TECH WORD: the object WORD stands for, or nothing: as in
# smc-tools, the first in its order that WORD begins ("s" is stats).
function __smc_object
    switch $argv[2]
        case lgr
            echo linkgroup
        case dev
            echo device
        case hslimit
            echo handshake-limit
        case ''
        case '*'
            for o in device linkgroup info stats ueid seid help handshake-limit
                if string match -q -- "$argv[2]*" $o
                    test $o != seid -o $argv[1] = smcd; and echo $o
                    return
                end
            end
    end
end

# __smc_tech TECH WORD...: for smcd/smcr, the candidates after the WORDs
# already given (the applet's name left out).
function __smc_tech
    set -l tech $argv[1]
    set -e argv[1]
    set -l cur (commandline -ct)
    set -l at 0
    set -l object
    for i in (seq (count $argv))
        string match -q -- '-*' $argv[$i]; and continue
        set object (__smc_object $tech $argv[$i])
        set at $i
        break
    end
    if test $at -eq 0
        if string match -q -- '-*' $cur
            printf '%s\n' -d --details -dd --ddetails -a --absolute -j --json -p --pretty -h --help -v --version
        else
            printf '%s\n' info linkgroup device stats ueid handshake-limit help
            test $tech = smcd; and echo seid
        end
        return
    end
    set -l args (math (count $argv) - $at)
    set -l prev $argv[-1]
    switch "$object"
        case info
            test $args -eq 0; and printf '%s\n' show help
        case stats
            if test $args -eq 0
                printf '%s\n' show reset json prometheus help
            else if string match -q -- 'p*' $argv[(math $at + 1)]
                if contains -- $prev -o --output
                    __fish_complete_path $cur
                else if test $args -eq 1
                    printf '%s\n' -o --output
                end
            end
        case ueid
            test $args -eq 0; and printf '%s\n' show add del flush help
        case seid handshake-limit
            test $args -eq 0; and printf '%s\n' show enable disable help
        case linkgroup device
            set -l filters all
            test $tech = smcr; and set -a filters netdev ibdev
            switch $prev
                case netdev
                    test $tech = smcr; and __smc_devices net
                case ibdev
                    test $tech = smcr; and __smc_devices infiniband
                case show link-show
                    test $args -eq 1; and printf '%s\n' $filters
                case '*'
                    test $tech = smcr -a $object = linkgroup; and set -a filters link-show
                    test $args -eq 0; and printf '%s\n' show $filters help
            end
    end
end

# __smc_run WORD...: for smc_run; after the program, the program's own
# completion.
function __smc_run
    set -l cur (commandline -ct)
    set -l skip 0
    for i in (seq (count $argv))
        if test $skip -eq 1
            set skip 0
            continue
        end
        switch $argv[$i]
            case -r -t -m
                set skip 1
            case --
                set -l rest $argv[(math $i + 1)..-1]
                if set -q rest[1]
                    complete -C (string join ' ' -- (string escape -- $rest) $cur)
                else
                    __fish_complete_command
                end
                return
            case '-*'
            case '*'
                complete -C (string join ' ' -- (string escape -- $argv[$i..-1]) $cur)
                return
        end
    end
    if test $skip -eq 1 -a "$argv[-1]" = -m
        printf '%s\n' auto preload seccomp
    else if test $skip -eq 1
        printf '%s\n' 64k 256k 512k 1m
    else if string match -q -- '-*' $cur
        printf '%s\n' -d -r -t -m -h --help -v --version
    else
        __fish_complete_command
    end
end

# __smc_pnet WORD...: for smc_pnet.
function __smc_pnet
    switch "$argv[-1]"
        case -I --interface
            __smc_devices net
        case -D --ibdevice
            __smc_devices infiniband
        case -P --ibport
            printf '%s\n' 1 2
        case '*'
            string match -q -- '-*' (commandline -ct); and printf '%s\n' -s --show -a --add -d --delete \
                -f --flush -I --interface -D --ibdevice -P --ibport -j --json -p --pretty -h --help -v --version
    end
end

# __smc_rnics WORD...: for smc_rnics.
function __smc_rnics
    contains -- "$argv[-1]" -e --enable -d --disable; and return
    string match -q -- '-*' (commandline -ct); and printf '%s\n' -a --all -d --disable -e --enable \
        -I --IB-dev -r --rawids -h --help -v --version
end

# __smc_chk WORD...: for smc_chk.
function __smc_chk
    switch "$argv[-1]"
        case -i --pnetid
            __smc_devices net
        case -C --connect -p --port
        case '*'
            if string match -q -- '-*' (commandline -ct)
                printf '%s\n' -C --connect -d --debug -h --help -i --pnetid -j --json -l --live-test -p --port \
                    -s --static-analysis -S --server -v --version -6 --ipv6
            else
                __smc_devices net
            end
    end
end

# __smc_applet NAME WORD...: the candidates for applet NAME.
function __smc_applet
    set -l name $argv[1]
    set -e argv[1]
    switch $name
        case smcd smcr
            __smc_tech $name $argv
        case smc_run run
            __smc_run $argv
        case smcss ss
            printf '%s\n' -a --all -l --listening -d --debug -R --smcr -D --smcd -W --wide -j --json -p --pretty \
                -h --help -v --version
        case smc_pnet pnet
            __smc_pnet $argv
        case smc_rnics
            __smc_rnics $argv
        case smc_chk chk
            __smc_chk $argv
        case smc_dbg dbg
            printf '%s\n' -h --help -j --json -t --tgz -v --version
        case '*'
            return 1
    end
end

# __smc_complete: the candidates for the command line being completed.
function __smc_complete
    set -l words (commandline -opc)
    set -l name (string replace -r '.*/' '' -- $words[1])
    set -e words[1]
    __smc_applet $name $words; and return
    if not set -q words[1]
        printf '%s\n' smcd smcr smc_run smcss smc_pnet smc_rnics smc_chk smc_dbg run ss pnet chk dbg help -h --help -v --version --list --install
    else if test $words[1] = --install
        if string match -q -- '-*' (commandline -ct)
            printf '%s\n' -s -r -f
        else
            __fish_complete_directories (commandline -ct)
        end
    else
        __smc_applet $words
    end
end

for command in smc smcd smcr smc_run smcss smc_pnet smc_rnics smc_chk smc_dbg
    complete -c $command -f -a '(__smc_complete)'
end
