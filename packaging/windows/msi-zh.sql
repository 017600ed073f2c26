# What wixl cannot write into fundplan.wxs's MSI (see there): the Chinese strings, once
# packaging/build.sh has set the database's code page to 936, and same-version upgrades.
# One query a line for msibuild -q; lines starting with # and empty lines are skipped, and
# @VERSION@ stands for the version in Cargo.toml.
# Characters must exist in GBK (no ›, no emoji); tests/packages.rs reads the results back.
UPDATE `Property` SET `Value` = 'fundplan 涉农涉牧资金统筹整合方案' WHERE `Property` = 'ProductName'
# Short name|long name: the long one is what the Start menu shows.
UPDATE `Shortcut` SET `Name` = 'fundplan|涉农涉牧资金统筹整合方案', `Description` = '编制和审核统筹整合使用财政涉农涉牧资金年度实施方案' WHERE `Shortcut` = 'StartMenu'
UPDATE `Registry` SET `Value` = '涉农涉牧资金统筹整合方案' WHERE `Value` = 'fundplan plan'
UPDATE `LaunchCondition` SET `Description` = '已安装更新版本的 fundplan（涉农涉牧资金统筹整合方案）。如需改用此版本，请先在“设置→应用”中卸载它。A newer version of fundplan is already installed.' WHERE `Condition` = 'NOT WIX_DOWNGRADE_DETECTED'
# 513 = msidbUpgradeAttributesMigrateFeatures (1) + msidbUpgradeAttributesVersionMaxInclusive (512):
# an installed build of this very version is replaced too (WiX's AllowSameVersionUpgrades).
# Attributes is part of the Upgrade table's key, which UPDATE cannot change: the row is replaced.
DELETE FROM `Upgrade` WHERE `ActionProperty` = 'WIX_UPGRADE_DETECTED'
INSERT INTO `Upgrade` (`UpgradeCode`, `VersionMax`, `Attributes`, `ActionProperty`) VALUES ('{406B21BF-A46D-40BA-9757-6185D7CA57F9}', '@VERSION@', 513, 'WIX_UPGRADE_DETECTED')
