#include "daemon/spec_validation.h"

#include <string>

#include "gtest/gtest.h"

namespace vmd::daemon {
namespace {

v1::VmSpec Minimal() {
  v1::VmSpec spec;
  spec.set_name("t");
  spec.mutable_boot()->mutable_raw()->set_path("/payloads/test.bin");
  ApplySpecDefaults(spec);
  return spec;
}

// The status must be INVALID_ARGUMENT and start with the field path.
void ExpectInvalidField(const v1::VmSpec& spec, const std::string& field) {
  absl::Status status = ValidateSpec(spec);
  EXPECT_TRUE(absl::IsInvalidArgument(status)) << status;
  EXPECT_EQ(status.message().substr(0, field.size()), field) << status;
}

TEST(SpecDefaultsTest, FillsTheDocumentedDefaults) {
  v1::VmSpec spec;
  spec.mutable_network()->add_port_forwards()->set_host_port(80);
  spec.mutable_balloon();
  ApplySpecDefaults(spec);
  EXPECT_EQ(spec.vcpus(), 1u);
  EXPECT_EQ(spec.memory_bytes(), 512ull << 20);
  EXPECT_EQ(spec.console(), v1::CONSOLE_DEVICE_PL011);
  EXPECT_EQ(spec.on_reboot(), v1::ON_REBOOT_RESTART);
  EXPECT_TRUE(spec.has_rng() && spec.rng());
  EXPECT_EQ(spec.console_ring_bytes(), 1ull << 20);
  EXPECT_EQ(spec.network().port_forwards(0).protocol(), v1::PROTOCOL_TCP);
  EXPECT_EQ(spec.network().port_forwards(0).host_address(), "127.0.0.1");
  EXPECT_EQ(spec.balloon().stats_period().seconds(), 10);
}

TEST(SpecDefaultsTest, KeepsExplicitValues) {
  v1::VmSpec spec;
  spec.set_vcpus(3);
  spec.set_rng(false);
  spec.set_on_reboot(v1::ON_REBOOT_STOP);
  spec.set_console(v1::CONSOLE_DEVICE_VIRTIO_CONSOLE);
  ApplySpecDefaults(spec);
  EXPECT_EQ(spec.vcpus(), 3u);
  EXPECT_FALSE(spec.rng());
  EXPECT_EQ(spec.on_reboot(), v1::ON_REBOOT_STOP);
  EXPECT_EQ(spec.console(), v1::CONSOLE_DEVICE_VIRTIO_CONSOLE);
}

TEST(SpecValidationTest, MinimalRawAndFullLinuxSpecsAreValid) {
  EXPECT_TRUE(ValidateSpec(Minimal()).ok());
  v1::VmSpec spec;
  spec.set_name("full");
  spec.set_vcpus(4);
  spec.set_memory_bytes(2ull << 30);
  auto* linux_boot = spec.mutable_boot()->mutable_linux();
  linux_boot->set_kernel_path("/k/Image.gz");
  linux_boot->set_initrd_path("/k/initrd");
  linux_boot->set_command_line("quiet");
  auto* disk = spec.add_disks();
  disk->set_path("/d/root.img");
  disk->set_serial("01234567890123456789");  // exactly 20
  spec.add_disks()->set_path("/d/data.img");
  spec.mutable_network()->set_mac("52:54:00:12:34:56");
  auto* fwd = spec.mutable_network()->add_port_forwards();
  fwd->set_host_port(2222);
  fwd->set_guest_port(22);
  auto* udp = spec.mutable_network()->add_port_forwards();
  udp->set_protocol(v1::PROTOCOL_UDP);
  udp->set_host_address("::1");
  udp->set_host_port(2222);  // same port, other protocol and address: fine
  udp->set_guest_port(53);
  (*spec.mutable_labels())["ci/job"] = "42";
  spec.mutable_balloon();
  ApplySpecDefaults(spec);
  absl::Status status = ValidateSpec(spec);
  EXPECT_TRUE(status.ok()) << status;
}

TEST(SpecValidationTest, NameIsChecked) {
  v1::VmSpec spec = Minimal();
  spec.set_name("No");
  ExpectInvalidField(spec, "spec.name");
}

TEST(SpecValidationTest, HostLimitsAreResourceExhausted) {
  v1::VmSpec spec = Minimal();
  spec.set_vcpus(17);
  EXPECT_TRUE(absl::IsResourceExhausted(ValidateSpec(spec)));
  spec.set_vcpus(2);
  EXPECT_TRUE(ValidateSpec(spec, SpecLimits{2, 1ull << 30}).ok());
  spec.set_memory_bytes(2ull << 30);
  EXPECT_TRUE(absl::IsResourceExhausted(ValidateSpec(spec, SpecLimits{2, 1ull << 30})));
}

TEST(SpecValidationTest, MemoryMustBeWholeMebibytes) {
  v1::VmSpec spec = Minimal();
  spec.set_memory_bytes((64ull << 20) + 4096);
  ExpectInvalidField(spec, "spec.memory_bytes");
}

TEST(SpecValidationTest, BootPayloadIsRequiredAndPathsAbsolute) {
  v1::VmSpec spec = Minimal();
  spec.clear_boot();
  ExpectInvalidField(spec, "spec.boot");
  spec.mutable_boot();  // present but neither linux nor raw
  ExpectInvalidField(spec, "spec.boot");
  spec.mutable_boot()->mutable_linux()->set_kernel_path("Image");
  ExpectInvalidField(spec, "spec.boot.linux.kernel_path");
  spec.mutable_boot()->mutable_linux()->set_kernel_path("/Image");
  spec.mutable_boot()->mutable_linux()->set_initrd_path("initrd");
  ExpectInvalidField(spec, "spec.boot.linux.initrd_path");
  spec.mutable_boot()->mutable_linux()->clear_initrd_path();
  spec.mutable_boot()->mutable_linux()->set_command_line(std::string(2048, 'x'));
  ExpectInvalidField(spec, "spec.boot.linux.command_line");
  spec.mutable_boot()->mutable_linux()->set_command_line(std::string(2047, 'x'));
  EXPECT_TRUE(ValidateSpec(spec).ok());
  spec.mutable_boot()->mutable_raw()->set_path("");
  ExpectInvalidField(spec, "spec.boot.raw.path");
}

TEST(SpecValidationTest, DisksNameTheirIndex) {
  v1::VmSpec spec = Minimal();
  spec.add_disks()->set_path("/a.img");
  spec.add_disks()->set_path("relative.img");
  ExpectInvalidField(spec, "spec.disks[1].path");
  spec.mutable_disks(1)->set_path("/a.img");
  ExpectInvalidField(spec, "spec.disks[1].path");
  spec.mutable_disks(1)->set_path("/b.img");
  spec.mutable_disks(1)->set_serial(std::string(21, 's'));
  ExpectInvalidField(spec, "spec.disks[1].serial");
  spec.mutable_disks(1)->set_serial("tab\there");
  ExpectInvalidField(spec, "spec.disks[1].serial");
}

TEST(SpecValidationTest, TooManyVirtioDevices) {
  v1::VmSpec spec = Minimal();  // rng takes one slot
  for (int i = 0; i < 31; ++i) spec.add_disks()->set_path("/d" + std::to_string(i));
  EXPECT_TRUE(ValidateSpec(spec).ok());
  spec.add_disks()->set_path("/one-too-many");
  EXPECT_TRUE(absl::IsInvalidArgument(ValidateSpec(spec)));
}

TEST(SpecValidationTest, MacMustBeWellFormedUnicast) {
  v1::VmSpec spec = Minimal();
  for (const char* bad : {"52:54:00:12:34", "52-54-00-12-34-56", "zz:54:00:12:34:56",
                          "01:00:5e:00:00:01", "00:00:00:00:00:00"}) {
    spec.mutable_network()->set_mac(bad);
    ExpectInvalidField(spec, "spec.network.mac");
  }
  spec.mutable_network()->set_mac("02:AB:cd:00:00:01");
  EXPECT_TRUE(ValidateSpec(spec).ok());
}

TEST(SpecValidationTest, PortForwardsAreChecked) {
  v1::VmSpec spec = Minimal();
  auto* fwd = spec.mutable_network()->add_port_forwards();
  fwd->set_protocol(v1::PROTOCOL_TCP);
  fwd->set_host_address("127.0.0.1");
  fwd->set_host_port(0);
  fwd->set_guest_port(22);
  ExpectInvalidField(spec, "spec.network.port_forwards[0].host_port");
  fwd->set_host_port(65536);
  ExpectInvalidField(spec, "spec.network.port_forwards[0].host_port");
  fwd->set_host_port(8080);
  fwd->set_guest_port(0);
  ExpectInvalidField(spec, "spec.network.port_forwards[0].guest_port");
  fwd->set_guest_port(80);
  fwd->set_host_address("localhost");
  ExpectInvalidField(spec, "spec.network.port_forwards[0].host_address");
  fwd->set_host_address("127.0.0.1");
  fwd->set_protocol(static_cast<v1::Protocol>(7));
  ExpectInvalidField(spec, "spec.network.port_forwards[0].protocol");
  fwd->set_protocol(v1::PROTOCOL_TCP);
  EXPECT_TRUE(ValidateSpec(spec).ok());
  *spec.mutable_network()->add_port_forwards() = *fwd;
  ExpectInvalidField(spec, "spec.network.port_forwards[1]");
}

TEST(SpecValidationTest, EnumsOutsideTheirValuesAreRejected) {
  v1::VmSpec spec = Minimal();
  spec.set_console(static_cast<v1::ConsoleDevice>(9));
  ExpectInvalidField(spec, "spec.console");
  spec = Minimal();
  spec.set_on_reboot(static_cast<v1::OnReboot>(9));
  ExpectInvalidField(spec, "spec.on_reboot");
}

TEST(SpecValidationTest, LabelsAreChecked) {
  v1::VmSpec spec = Minimal();
  (*spec.mutable_labels())["Bad"] = "x";
  ExpectInvalidField(spec, "spec.labels[\"Bad\"]");
  spec.mutable_labels()->clear();
  (*spec.mutable_labels())["ok"] = std::string(257, 'v');
  ExpectInvalidField(spec, "spec.labels[\"ok\"]");
}

TEST(SpecValidationTest, ConsoleRingBounds) {
  v1::VmSpec spec = Minimal();
  spec.set_console_ring_bytes(100);
  ExpectInvalidField(spec, "spec.console_ring_bytes");
  spec.set_console_ring_bytes(128ull << 20);
  ExpectInvalidField(spec, "spec.console_ring_bytes");
}

}  // namespace
}  // namespace vmd::daemon
