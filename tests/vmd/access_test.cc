// The access rule of DECISIONS.md "Access": a local caller may name only files
// it could open itself (owner/group/other bits of the opened file against its
// uid and groups, searchable parent directories, no symlink as the last
// component); a remote caller only files under the image directories. Peer
// credentials of a socketpair are this process's own.
#include "daemon/access.h"

#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <string>

#include "daemon/peer_cred.h"
#include "gtest/gtest.h"

namespace vmd::daemon {
namespace {

class AccessTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/vmd-access-XXXXXX";
    ASSERT_NE(::mkdtemp(tmpl), nullptr);
    dir_ = tmpl;
    ::chmod(dir_.c_str(), 0755);
  }
  void TearDown() override { ASSERT_EQ(std::system(("rm -rf " + dir_).c_str()), 0); }

  std::string File(const std::string& name, mode_t mode) {
    std::string path = dir_ + "/" + name;
    std::ofstream(path) << "payload";
    ::chmod(path.c_str(), mode);
    return path;
  }

  // A caller that is not this process's owner (uid/gid numbers are compared,
  // the ids need not exist).
  static Caller Local(uid_t uid, gid_t gid, std::vector<gid_t> groups = {}) {
    Caller c;
    c.kind = Caller::Kind::kLocal;
    c.cred.uid = uid;
    c.cred.gid = gid;
    c.cred.groups = std::move(groups);
    return c;
  }

  absl::Status Check(const Caller& c, const std::string& path, bool write = false,
                     std::vector<std::string> image_dirs = {}) {
    return CheckPathAccess(c, "spec.boot.raw.path", path, write, false, image_dirs);
  }

  std::string dir_;
  const uid_t me_ = ::geteuid();
  const gid_t my_gid_ = ::getegid();
};

TEST_F(AccessTest, OwnerBitsApplyToTheOwner) {
  std::string f = File("owner", 0600);
  EXPECT_TRUE(Check(Local(me_, 4242), f).ok());
  EXPECT_TRUE(Check(Local(me_, 4242), f, true).ok());
  std::string ro = File("owner-ro", 0400);
  EXPECT_TRUE(Check(Local(me_, 4242), ro).ok());
  if (me_ != 0) {
    EXPECT_TRUE(absl::IsPermissionDenied(Check(Local(me_, 4242), ro, true)));
  }
}

TEST_F(AccessTest, OtherUserNeedsOtherBits) {
  if (me_ == 4243) GTEST_SKIP();
  std::string priv = File("private", 0600);
  absl::Status s = Check(Local(4243, 4243), priv);
  EXPECT_TRUE(absl::IsPermissionDenied(s)) << s;
  EXPECT_NE(std::string(s.message()).find("spec.boot.raw.path"), std::string::npos);
  EXPECT_TRUE(Check(Local(4243, 4243), File("public", 0604)).ok());
}

TEST_F(AccessTest, GroupBitsApplyToGroupMembersOnly) {
  std::string f = File("group", 0640);
  ASSERT_EQ(::chown(f.c_str(), static_cast<uid_t>(-1), my_gid_), 0);
  EXPECT_TRUE(Check(Local(4244, 1, {my_gid_}), f).ok());  // supplementary group
  EXPECT_TRUE(Check(Local(4244, my_gid_), f).ok());       // primary group
  EXPECT_TRUE(absl::IsPermissionDenied(Check(Local(4244, 4244), f)));
  // The owner class wins even when the group would allow more (kernel rule).
  std::string g = File("owner-none", 0060);
  if (me_ != 0) {
    EXPECT_TRUE(absl::IsPermissionDenied(Check(Local(me_, my_gid_), g)));
  }
}

TEST_F(AccessTest, ShadowIsNotReadableByNobody) {
  struct stat st;
  if (::stat("/etc/shadow", &st) != 0 || ::access("/etc/shadow", R_OK) != 0) GTEST_SKIP();
  EXPECT_TRUE(absl::IsPermissionDenied(Check(Local(65534, 65534), "/etc/shadow")));
  EXPECT_TRUE(Check(Local(0, 0), "/etc/shadow").ok());  // root may
}

TEST_F(AccessTest, UnsearchableParentDirectoryDenies) {
  std::string sub = dir_ + "/closed";
  ASSERT_EQ(::mkdir(sub.c_str(), 0700), 0);
  std::string f = sub + "/f";
  std::ofstream(f) << "x";
  ::chmod(f.c_str(), 0644);
  EXPECT_TRUE(absl::IsPermissionDenied(Check(Local(4245, 4245), f)));
  ::chmod(sub.c_str(), 0711);
  EXPECT_TRUE(Check(Local(4245, 4245), f).ok());
}

TEST_F(AccessTest, SymlinkAsLastComponentIsRefused) {
  std::string target = File("target", 0644);
  std::string link = dir_ + "/link";
  ASSERT_EQ(::symlink(target.c_str(), link.c_str()), 0);
  EXPECT_TRUE(absl::IsPermissionDenied(Check(Local(me_, my_gid_), link)));
}

TEST_F(AccessTest, MissingRelativeAndDirectoryAreInvalid) {
  EXPECT_TRUE(absl::IsInvalidArgument(Check(Local(me_, my_gid_), dir_ + "/absent")));
  EXPECT_TRUE(absl::IsInvalidArgument(Check(Local(me_, my_gid_), "relative/path")));
  EXPECT_TRUE(absl::IsInvalidArgument(Check(Local(me_, my_gid_), dir_)));
}

TEST_F(AccessTest, RemoteCallersOnlyUnderImageDirectories) {
  Caller remote;
  remote.kind = Caller::Kind::kRemote;
  std::string images = dir_ + "/images";
  ASSERT_EQ(::mkdir(images.c_str(), 0755), 0);
  std::string inside = images + "/a.img";
  std::ofstream(inside) << "x";
  std::string outside = File("b.img", 0644);
  EXPECT_TRUE(Check(remote, inside, false, {images}).ok());
  EXPECT_TRUE(absl::IsPermissionDenied(Check(remote, outside, false, {images})));
  // A prefix that is not a directory boundary does not count.
  EXPECT_TRUE(absl::IsPermissionDenied(Check(remote, outside, false, {dir_ + "/b"})));
  // `..` cannot climb out: the path is resolved first.
  EXPECT_TRUE(absl::IsPermissionDenied(Check(remote, images + "/../b.img", false, {images})));
}

TEST_F(AccessTest, ModeAllowsFollowsTheKernelsClassRule) {
  struct stat st = {};
  st.st_uid = 10;
  st.st_gid = 20;
  st.st_mode = S_IFREG | 0604;  // owner rw, group nothing, other r
  PeerCred owner{10, 99, {}, 0}, member{11, 20, {}, 0}, other{12, 30, {}, 0}, root{0, 0, {}, 0};
  EXPECT_TRUE(ModeAllows(st, owner, true));
  EXPECT_FALSE(ModeAllows(st, member, false));  // group class, no group bits
  EXPECT_TRUE(ModeAllows(st, other, false));
  EXPECT_FALSE(ModeAllows(st, other, true));
  EXPECT_TRUE(ModeAllows(st, root, true));
}

TEST(PeerCredTest, SocketPairPeerIsThisProcess) {
  int fds[2];
  ASSERT_EQ(::socketpair(AF_UNIX, SOCK_STREAM, 0, fds), 0);
  absl::StatusOr<PeerCred> cred = GetPeerCred(fds[0]);
  ASSERT_TRUE(cred.ok()) << cred.status();
  EXPECT_EQ(cred->uid, ::geteuid());
  EXPECT_EQ(cred->gid, ::getegid());
  EXPECT_EQ(cred->pid, ::getpid());
  EXPECT_TRUE(cred->InGroup(::getegid()));
  ::close(fds[0]);
  ::close(fds[1]);
}

}  // namespace
}  // namespace vmd::daemon
