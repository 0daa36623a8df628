// SPDX-License-Identifier: GPL-2.0-or-later
// A static Go HTTP server and client for the lab (CGO_ENABLED=0: no loader,
// raw system calls), run under smc run's seccomp supervisor:
//
//	gohttp server ADDR DIR   serve DIR on ADDR (host:port) until killed
//	gohttp client URL FILE   fetch URL into FILE, print its MD5
package main

import (
	"crypto/md5"
	"fmt"
	"io"
	"net/http"
	"os"
)

func fail(err error) {
	fmt.Fprintln(os.Stderr, "gohttp:", err)
	os.Exit(1)
}

func fetch(url, path string) {
	resp, err := http.Get(url)
	if err != nil {
		fail(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		fail(fmt.Errorf("%s: %s", url, resp.Status))
	}
	out, err := os.Create(path)
	if err != nil {
		fail(err)
	}
	sum := md5.New()
	n, err := io.Copy(io.MultiWriter(out, sum), resp.Body)
	if err == nil {
		err = out.Close()
	}
	if err != nil {
		fail(err)
	}
	fmt.Printf("gohttp client: %d bytes, md5 %x\n", n, sum.Sum(nil))
}

func main() {
	if len(os.Args) != 4 || (os.Args[1] != "server" && os.Args[1] != "client") {
		fmt.Fprintln(os.Stderr, "usage: gohttp server ADDR DIR | gohttp client URL FILE")
		os.Exit(2)
	}
	if os.Args[1] == "client" {
		fetch(os.Args[2], os.Args[3])
		return
	}
	fmt.Println("gohttp server: listening on", os.Args[2])
	fail(http.ListenAndServe(os.Args[2], http.FileServer(http.Dir(os.Args[3]))))
}
